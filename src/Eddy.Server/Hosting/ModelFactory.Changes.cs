using System.Text.Json.Nodes;
using Eddy.Specs;
using Eddy.Server.Problems;

namespace Eddy.Server.Hosting;

/// <summary>
/// A change request (<c>PATCH /v1/models/{name}</c>): the model's definition as a creation body with the given parts
/// replaced, read exactly as a creation is, so a change is valid when the model it describes could be created.
/// </summary>
internal sealed partial class ModelFactory
{
    private static readonly string[] s_changeable = ["pipeline", "model", "metrics", "output", "monitors", "policy", "challengers", "promotion", "holdout"];

    /// <summary>The definition <paramref name="current"/> becomes with <paramref name="patch"/>; its publication policy is kept.</summary>
    public ModelDefinition FromChange(ModelDefinition current, JsonObject patch, long atMs)
    {
        if (patch.Count == 0)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "The change is empty: give any of " + string.Join(", ", s_changeable) + ".");
        }

        JsonObject body = JsonNode.Parse(current.Spec) as JsonObject ?? throw new InvalidOperationException("A model's spec is a JSON object.");
        if (current.Watch is { } watch)
        {
            foreach ((string key, JsonNode? value) in JsonNode.Parse(watch.ToJson())!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        if (current.Output is { } output)
        {
            body["output"] = JsonNode.Parse(output.ToJson());
        }

        foreach ((string key, JsonNode? value) in patch)
        {
            if (Array.IndexOf(s_changeable, key) < 0)
            {
                throw new ClientErrorException(ProblemKind.InvalidRequest, key switch
                {
                    "name" => "A model cannot be renamed; create one under the new name.",
                    "publication" => "The publication policy is not part of a version; change it with PUT /v1/models/{name}/publication.",
                    "rollingWindow" => "The rolling window is fixed at creation.",
                    _ => $"\"{key}\" is not a part of a model; a change gives any of " + string.Join(", ", s_changeable) + ".",
                }, key);
            }

            if (value is null)
            {
                body.Remove(key);
                continue;
            }

            body[key] = value.DeepClone();
            body.Remove(key == "model" ? "pipeline" : key == "pipeline" ? "model" : "");
        }

        if (body["model"] is JsonValue expression && patch["metrics"] is null && body["metrics"] is not null)
        {
            // The expression form takes metric names; keep the model's own metrics by reading the expression's pipeline.
            try
            {
                string text = expression.TryGetValue(out string? form) ? form : throw Invalid("\"model\" is River's expression form, as a string.", "model");
                body["pipeline"] = JsonNode.Parse(_catalog.ParseExpression(text, null).ToJson())!["pipeline"]!.DeepClone();
                body.Remove("model");
            }
            catch (SpecException e)
            {
                throw new ClientErrorException(ProblemKind.InvalidSpec, e.Message, string.IsNullOrEmpty(e.Path) ? "model" : e.Path);
            }
        }

        body["name"] = current.Name;
        body["rollingWindow"] = current.RollingWindow;
        return FromRequest(body) with { Publication = current.Publication, CreatedAtMs = atMs };
    }
}
