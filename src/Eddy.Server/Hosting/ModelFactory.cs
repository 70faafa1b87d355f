using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Eddy.Metrics;
using Eddy.Specs;
using Eddy.Server.Monitoring;
using Eddy.Server.Problems;
using Microsoft.Extensions.Options;

namespace Eddy.Server.Hosting;

/// <summary>
/// Turns a create-model request into a <see cref="ModelDefinition"/> through the estimator catalogue: a JSON spec
/// (<c>{"name", "pipeline": [...], "metrics": [...]}</c>) or River's expression form (<c>{"name", "model": "A | B(l2=0.1)"}</c>),
/// plus the publication policy and rolling window. Every mistake is a <see cref="ClientErrorException"/> naming the field.
/// </summary>
internal sealed partial class ModelFactory
{
    private readonly EddyServerOptions _options;
    private readonly EstimatorCatalog _catalog;

    public ModelFactory(IOptions<EddyServerOptions> options, EstimatorCatalog catalog)
    {
        _options = options.Value;
        _catalog = catalog;
    }

    public ModelDefinition FromExpression(string name, string expression, IReadOnlyList<string>? metrics)
    {
        ModelSpec spec = SeedPinning.Pin(_catalog.ParseExpression(expression, metrics), _catalog);
        return Define(name, spec, PublicationPolicy.AfterEveryLearn, _options.RollingWindow);
    }

    /// <summary>A model as its creation record logged it.</summary>
    public ModelDefinition FromLog(Persistence.LogRecords.CreatedModel created) =>
        WithOutput(WithWatch(Define(created.Name, _catalog.ParseJson(created.Spec), created.Publication, created.RollingWindow), created.Watch), created.Output) with { CreatedAtMs = created.CreatedAtMs };

    /// <summary>A model as its snapshot describes it.</summary>
    public ModelDefinition FromSnapshot(Persistence.ModelSnapshot snapshot) =>
        WithOutput(WithWatch(Define(snapshot.Name, _catalog.ParseJson(snapshot.Spec), new PublicationPolicy(snapshot.PublishEvery, snapshot.PublishEveryMs), snapshot.RollingWindow), snapshot.Watch), snapshot.Output);

    /// <summary>Reads the body of <c>POST /v1/models</c>.</summary>
    public ModelDefinition FromRequest(JsonObject body)
    {
        string name = body["name"] is JsonValue n && n.TryGetValue(out string? text) ? text : throw Invalid("\"name\" (a string) is required.", "name");
        if (!ValidName().IsMatch(name))
        {
            throw Invalid("A model name has 1 to 64 letters, digits, '.', '_' or '-', and starts with a letter or digit.", "name");
        }

        PublicationPolicy publication = ReadPublication(body["publication"]);
        int window = _options.RollingWindow;
        if (body["rollingWindow"] is JsonNode w)
        {
            window = w is JsonValue v && v.TryGetValue(out int size) && size is >= 1 and <= 1_000_000
                ? size
                : throw Invalid("\"rollingWindow\" is an integer from 1 to 1,000,000.", "rollingWindow");
        }

        ModelSpec spec;
        try
        {
            spec = body["model"] is JsonNode expression
                ? _catalog.ParseExpression(
                    expression is JsonValue e && e.TryGetValue(out string? form) ? form : throw Invalid("\"model\" is River's expression form, as a string.", "model"),
                    ReadMetricNames(body["metrics"]))
                : _catalog.ParseJson(SpecOnly(body).ToJsonString());
            spec = SeedPinning.Pin(spec, _catalog);
        }
        catch (SpecException e)
        {
            throw new ClientErrorException(ProblemKind.InvalidSpec, e.Message, string.IsNullOrEmpty(e.Path) ? null : e.Path);
        }

        ModelDefinition definition = Define(name, spec, publication, window);
        if ((definition.IsAnomaly || definition.IsSupervisedAnomaly) && body["output"] is not null)
        {
            throw Invalid("An anomaly model answers scores; \"output\" shapes classifiers' and regressors' answers.", "output");
        }

        return definition with
        {
            Watch = WatchSpec.Read(body["monitors"], body["policy"], _catalog, definition.MetricPrototypes, required =>
                ChallengerSpec.Read(body["challengers"], body["promotion"], body["holdout"], required, _catalog, definition.Prototype, definition.MetricPrototypes)),
            Output = OutputMapping.Read(body["output"], definition.IsClassifier),
        };
    }

    private static ModelDefinition WithOutput(ModelDefinition definition, string? output) =>
        output is null ? definition : definition with { Output = OutputMapping.FromJson(output, definition.IsClassifier) };

    private ModelDefinition WithWatch(ModelDefinition definition, string? watch) =>
        watch is null ? definition : definition with { Watch = WatchSpec.FromJson(watch, _catalog, definition.MetricPrototypes, definition.Prototype) };

    private static ModelDefinition Define(string name, ModelSpec spec, PublicationPolicy publication, int window)
    {
        BuiltModel built = spec.Build();
        IReadOnlyList<Metric> metrics = built.Metrics.Count > 0 ? built.Metrics : spec.WithMetrics(MetricDefaults.For(spec.Kind)).BuildMetrics();
        foreach (Metric metric in metrics)
        {
            if (metric is TimeRollingClassificationMetric or TimeRollingRegressionMetric)
            {
                throw Invalid($"{metric.Name} over a time window needs timestamped updates, which the server does not send; use Rolling.", "metrics");
            }
        }

        if (spec.Kind is EstimatorKind.Transformer)
        {
            throw Invalid("A served model must end with a classifier, a regressor or an anomaly detector.", "pipeline");
        }

        return new ModelDefinition(name, spec.ToJson(), built.Estimator, metrics, publication, window);
    }

    private static JsonObject SpecOnly(JsonObject body)
    {
        var spec = new JsonObject();
        foreach ((string key, JsonNode? value) in body)
        {
            if (key is not ("name" or "publication" or "rollingWindow" or "monitors" or "policy" or "output" or "challengers" or "promotion" or "holdout"))
            {
                spec[key] = value?.DeepClone();
            }
        }

        return spec;
    }

    private static List<string>? ReadMetricNames(JsonNode? metrics)
    {
        if (metrics is null)
        {
            return null;
        }

        if (metrics is not JsonArray array)
        {
            throw Invalid("\"metrics\" is an array of metric names.", "metrics");
        }

        var names = new List<string>();
        foreach (JsonNode? item in array)
        {
            names.Add(item is JsonValue v && v.TryGetValue(out string? metric) ? metric : item?.ToJsonString() ?? throw Invalid("A metric cannot be null.", "metrics"));
        }

        return names;
    }

    /// <summary>Reads a publication policy object (<c>{"every": N}</c>, <c>{"everyMs": T}</c>, or null for after every learn).</summary>
    public static PublicationPolicy ReadPublication(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return PublicationPolicy.AfterEveryLearn;
            case JsonObject o when o.Count == 1 && o["every"] is JsonValue every && every.TryGetValue(out int learns) && learns is >= 1 and <= 1_000_000:
                return PublicationPolicy.Every(learns);
            case JsonObject o when o.Count == 1 && o["everyMs"] is JsonValue ms && ms.TryGetValue(out int milliseconds) && milliseconds is >= 1 and <= 3_600_000:
                return PublicationPolicy.EveryMs(milliseconds);
            default:
                throw Invalid("\"publication\" is {\"every\": N learns} (1 to 1,000,000) or {\"everyMs\": T} (1 to 3,600,000); by default after every learn.", "publication");
        }
    }

    private static ClientErrorException Invalid(string detail, string field) => new(ProblemKind.InvalidSpec, detail, field);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex ValidName();
}
