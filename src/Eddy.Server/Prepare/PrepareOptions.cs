using System.Text.Json;
using Eddy.Base;
using Eddy.Compose;
using Eddy.Specs;

namespace Eddy.Server.Prepare;

/// <summary>
/// What <c>POST /v1/prepare</c> does to the rows, in this order: join another source, coerce types, impute missing
/// values, then run the transformer steps (a pipeline in the model-spec language).
/// </summary>
internal sealed class PrepareOptions
{
    private static readonly string[] s_known = ["steps", "rows", "target", "coerce", "impute", "join"];

    public TransformerPipeline? Steps { get; private init; }

    /// <summary>The field supervised steps (TargetAgg) learn from; passed through to the output, never a feature.</summary>
    public string? Target { get; private init; }

    public IReadOnlyList<(string Field, string Kind)> Coerce { get; private init; } = [];

    public IReadOnlyList<(string Field, JsonElement Rule)> Impute { get; private init; } = [];

    public JoinSpec? Join { get; private init; }

    /// <summary>Reads the options of a JSON body (everything but <c>rows</c>).</summary>
    public static PrepareOptions Read(JsonElement body, EstimatorCatalog catalog)
    {
        foreach (JsonProperty property in body.EnumerateObject())
        {
            if (Array.IndexOf(s_known, property.Name) < 0)
            {
                throw new PrepareException(property.Name, $"Unknown field '{property.Name}'; a prepare request has {string.Join(", ", s_known)}.");
            }
        }

        return new PrepareOptions
        {
            Steps = body.TryGetProperty("steps", out JsonElement steps) && steps.ValueKind != JsonValueKind.Null ? ReadSteps(steps, catalog) : null,
            Target = body.TryGetProperty("target", out JsonElement target) && target.ValueKind != JsonValueKind.Null ? Text(target, "target") : null,
            Coerce = body.TryGetProperty("coerce", out JsonElement coerce) ? ReadCoerce(coerce) : [],
            Impute = body.TryGetProperty("impute", out JsonElement impute) ? ReadImpute(impute) : [],
            Join = body.TryGetProperty("join", out JsonElement join) && join.ValueKind != JsonValueKind.Null ? JoinSpec.Read(join) : null,
        };
    }

    /// <summary>The options of an NDJSON body, from the query string (<c>?steps=…&amp;target=…</c>).</summary>
    public static PrepareOptions FromQuery(string? steps, string? target, EstimatorCatalog catalog) => new()
    {
        Steps = string.IsNullOrWhiteSpace(steps) ? null : Build(steps, catalog, "steps"),
        Target = string.IsNullOrEmpty(target) ? null : target,
    };

    internal static string Text(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new PrepareException(field, $"'{field}' must be a string.");

    private static TransformerPipeline ReadSteps(JsonElement steps, EstimatorCatalog catalog) => steps.ValueKind switch
    {
        JsonValueKind.String => Build(steps.GetString()!, catalog, "steps"),
        JsonValueKind.Array => Build($$"""{"pipeline": {{steps.GetRawText()}}}""", catalog, "steps"),
        _ => throw new PrepareException("steps", "'steps' is a pipeline expression (\"OneHotEncoder | ...\") or a JSON array of steps."),
    };

    private static TransformerPipeline Build(string text, EstimatorCatalog catalog, string field)
    {
        Estimator built;
        try
        {
            built = catalog.Parse(text).BuildEstimator();
        }
        catch (SpecException e)
        {
            throw new PrepareException(field, e.Message, Problems.ProblemKind.InvalidSpec);
        }

        return built switch
        {
            TransformerPipeline pipeline => pipeline,
            Transformer transformer => new TransformerPipeline([transformer]),
            _ => throw new PrepareException(field, $"Prepare steps are transformers only; {built} predicts.", Problems.ProblemKind.InvalidSpec),
        };
    }

    private static List<(string, string)> ReadCoerce(JsonElement coerce)
    {
        var rules = new List<(string, string)>();
        foreach (JsonProperty property in Object(coerce, "coerce").EnumerateObject())
        {
            string kind = Text(property.Value, $"coerce.{property.Name}");
            if (kind is not ("number" or "string" or "boolean"))
            {
                throw new PrepareException($"coerce.{property.Name}", $"Coerce to \"number\", \"string\" or \"boolean\", not \"{kind}\".");
            }

            rules.Add((property.Name, kind));
        }

        return rules;
    }

    private static List<(string, JsonElement)> ReadImpute(JsonElement impute)
    {
        var rules = new List<(string, JsonElement)>();
        foreach (JsonProperty property in Object(impute, "impute").EnumerateObject())
        {
            bool valid = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() is "mean" or "median" or "mode",
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => true,
                _ => false,
            };
            if (!valid)
            {
                throw new PrepareException($"impute.{property.Name}", "Impute with \"mean\", \"median\", \"mode\" or a constant number or boolean.");
            }

            rules.Add((property.Name, property.Value.Clone()));
        }

        return rules;
    }

    internal static JsonElement Object(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Object ? value : throw new PrepareException(field, $"'{field}' must be a JSON object.");
}
