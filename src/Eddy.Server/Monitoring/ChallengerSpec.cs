using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Eddy.Base;
using Eddy.Metrics;
using Eddy.Specs;

namespace Eddy.Server.Monitoring;

/// <summary>
/// A model's challengers and promotion rule, from its create request:
/// <c>"challengers": [{"name": "hat", "model": "StandardScaler | HoeffdingTreeClassifier"}]</c> (or <c>"pipeline": [...]</c>),
/// <c>"promotion": {"metric": "Accuracy", "window": 1000, "margin": 0.01, "min_examples": 1000}</c> and
/// <c>"holdout": {"size": 500, "recent": 0.5, "seed": 42}</c>. Logged and snapshotted with the watch spec as canonical JSON.
/// </summary>
internal sealed partial record ChallengerSpec(
    IReadOnlyList<ChallengerEntry> Entries,
    string Metric,
    int MetricIndex,
    int Window,
    double Margin,
    int MinExamples,
    HoldoutSpec? Holdout)
{
    /// <summary>The name of the model's own pipeline among the contenders.</summary>
    public const string MainName = "main";

    /// <summary>Challengers started by the policy are named this, then the sequence they started at.</summary>
    public const string RetrainedPrefix = "retrained-";

    public const int MaxChallengers = 8;

    /// <summary>
    /// Reads the three fields; null when none is given and the policy does not start challengers
    /// (<paramref name="required"/>), which then gets the default promotion rule.
    /// </summary>
    public static ChallengerSpec? Read(JsonNode? challengers, JsonNode? promotion, JsonNode? holdout, bool required, EstimatorCatalog catalog, Estimator champion, IReadOnlyList<Metric> metrics)
    {
        if (challengers is null && promotion is null && holdout is null && !required)
        {
            return null;
        }

        if (champion is AnomalyDetector or SupervisedAnomalyDetector)
        {
            throw WatchSpec.Invalid("Challengers are scored on labels: an anomaly model cannot have them yet.", "challengers");
        }

        List<ChallengerEntry> entries = ReadEntries(challengers, catalog, champion);
        (string metric, int index, int window, double margin, int minExamples) = ReadPromotion(promotion, metrics);
        return new ChallengerSpec(entries, metric, index, window, margin, minExamples, ReadHoldout(holdout));
    }

    /// <summary>Writes the fields into a watch spec's canonical JSON.</summary>
    public void WriteJson(JsonObject root)
    {
        if (Entries.Count > 0)
        {
            var array = new JsonArray();
            foreach (ChallengerEntry entry in Entries)
            {
                array.Add(entry.ToJsonNode());
            }

            root["challengers"] = array;
        }

        root["promotion"] = new JsonObject
        {
            ["metric"] = Metric,
            ["window"] = Window,
            ["margin"] = Margin,
            ["min_examples"] = MinExamples,
        };
        if (Holdout is { } h)
        {
            root["holdout"] = new JsonObject { ["size"] = h.Size, ["recent"] = h.Recent, ["seed"] = h.Seed };
        }
    }

    private static List<ChallengerEntry> ReadEntries(JsonNode? node, EstimatorCatalog catalog, Estimator champion)
    {
        var entries = new List<ChallengerEntry>();
        if (node is null)
        {
            return entries;
        }

        if (node is not JsonArray array || array.Count > MaxChallengers)
        {
            throw WatchSpec.Invalid($"\"challengers\" is an array of up to {MaxChallengers} {{\"name\": ..., \"model\": \"A | B\"}} or {{\"name\": ..., \"pipeline\": [...]}}.", "challengers");
        }

        for (int i = 0; i < array.Count; i++)
        {
            string field = $"challengers[{i}]";
            if (array[i] is not JsonObject o)
            {
                throw WatchSpec.Invalid("A challenger is {\"name\": ..., \"model\": \"A | B\"} or {\"name\": ..., \"pipeline\": [...]}.", field);
            }

            string name = o["name"] is JsonValue n && n.TryGetValue(out string? text) ? text : throw WatchSpec.Invalid("A challenger needs a \"name\" (a string).", field + ".name");
            if (!ValidName().IsMatch(name) || name == MainName || name.StartsWith(RetrainedPrefix, StringComparison.Ordinal))
            {
                throw WatchSpec.Invalid($"A challenger's name has 1 to 64 letters, digits, '.', '_' or '-'; \"{MainName}\" and \"{RetrainedPrefix}…\" are taken.", field + ".name");
            }

            foreach (ChallengerEntry other in entries)
            {
                if (other.Name == name)
                {
                    throw WatchSpec.Invalid($"Two challengers are named '{name}'.", field + ".name");
                }
            }

            entries.Add(ReadEntry(o, name, field, catalog, champion));
        }

        return entries;
    }

    private static ChallengerEntry ReadEntry(JsonObject o, string name, string field, EstimatorCatalog catalog, Estimator champion)
    {
        foreach ((string key, _) in o)
        {
            if (key is not ("name" or "model" or "pipeline"))
            {
                throw WatchSpec.Invalid($"Unknown challenger field '{key}'.", field + "." + key);
            }
        }

        ModelSpec spec;
        try
        {
            spec = (o["model"], o["pipeline"]) switch
            {
                (JsonValue m, null) when m.TryGetValue(out string? expression) => catalog.ParseExpression(expression),
                (null, JsonNode pipeline) => catalog.ParseJson(new JsonObject { ["pipeline"] = pipeline.DeepClone() }.ToJsonString()),
                _ => throw WatchSpec.Invalid("A challenger has either \"model\" (River's expression form, a string) or \"pipeline\" (as a model spec's).", field),
            };
            spec = Hosting.SeedPinning.Pin(spec, catalog);
        }
        catch (SpecException e)
        {
            string path = string.IsNullOrEmpty(e.Path) ? field : field + "." + e.Path;
            throw WatchSpec.Invalid(e.Message, path);
        }

        Estimator prototype = spec.BuildEstimator();
        bool sameKind = champion switch
        {
            Classifier => prototype is Classifier,
            Regressor => prototype is Regressor,
            _ => false,
        };
        if (!sameKind)
        {
            throw WatchSpec.Invalid($"The challenger '{name}' must be the same kind of model as the champion ({(champion is Classifier ? "a classifier" : "a regressor")}).", field + ".pipeline");
        }

        JsonNode pipelineJson = JsonNode.Parse(spec.ToJson())!["pipeline"]!.DeepClone();
        return new ChallengerEntry(name, pipelineJson, prototype);
    }

    private static (string Metric, int Index, int Window, double Margin, int MinExamples) ReadPromotion(JsonNode? node, IReadOnlyList<Metric> metrics)
    {
        if (metrics.Count == 0)
        {
            throw WatchSpec.Invalid("Promotion compares a metric: give the model at least one.", "metrics");
        }

        string metric = metrics[0].Name;
        int index = 0;
        int window = 1000;
        double margin = 0.01;
        int minExamples = 1000;
        if (node is null)
        {
            return (metric, index, window, margin, minExamples);
        }

        if (node is not JsonObject o)
        {
            throw WatchSpec.Invalid("\"promotion\" is {\"metric\": a metric of the model, \"window\": N, \"margin\": m, \"min_examples\": N}.", "promotion");
        }

        foreach ((string key, JsonNode? value) in o)
        {
            switch (key)
            {
                case "metric":
                    string? name = value is JsonValue v && v.TryGetValue(out string? text) ? text : null;
                    index = -1;
                    for (int i = 0; i < metrics.Count && name is not null; i++)
                    {
                        if (metrics[i].Name == name)
                        {
                            index = i;
                            break;
                        }
                    }

                    metric = index >= 0 ? name! : throw WatchSpec.Invalid($"The model does not track '{value?.ToJsonString()}'; promotion compares one of its metrics.", "promotion.metric");
                    break;
                case "window":
                    window = WatchSpec.Integer(value, "promotion.window", 1, WatchSpec.MaxWindow);
                    break;
                case "margin":
                    margin = WatchSpec.Number(value, "promotion.margin") is { } m && m >= 0 ? m : throw WatchSpec.Invalid("\"promotion.margin\" is a non-negative number.", "promotion.margin");
                    break;
                case "min_examples":
                    minExamples = WatchSpec.Integer(value, "promotion.min_examples", 0, int.MaxValue);
                    break;
                default:
                    throw WatchSpec.Invalid($"Unknown promotion field '{key}'.", "promotion." + key);
            }
        }

        return (metric, index, window, margin, minExamples);
    }

    private static HoldoutSpec? ReadHoldout(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject o)
        {
            throw WatchSpec.Invalid("\"holdout\" is {\"size\": N, \"recent\": a share from 0 to 1, \"seed\": n}.", "holdout");
        }

        int size = 500;
        double recent = 0.5;
        long? seed = null;
        foreach ((string key, JsonNode? value) in o)
        {
            switch (key)
            {
                case "size":
                    size = WatchSpec.Integer(value, "holdout.size", 1, HoldoutSpec.MaxSize);
                    break;
                case "recent":
                    recent = WatchSpec.Number(value, "holdout.recent") is { } r && r is >= 0 and <= 1 ? r : throw WatchSpec.Invalid("\"holdout.recent\" is a share from 0 to 1.", "holdout.recent");
                    break;
                case "seed":
                    seed = value is JsonValue s && (s.TryGetValue(out long given) || (s.TryGetValue(out int small) && (given = small) == small)) && given >= 0
                        ? given
                        : throw WatchSpec.Invalid("\"holdout.seed\" is a non-negative integer.", "holdout.seed");
                    break;
                default:
                    throw WatchSpec.Invalid($"Unknown holdout field '{key}'.", "holdout." + key);
            }
        }

        return new HoldoutSpec(size, recent, seed ?? Hosting.SeedPinning.Draw());
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex ValidName();
}
