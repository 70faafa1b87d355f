using System.Globalization;
using System.Text.Json.Nodes;
using Eddy.Metrics;
using Eddy.Server.Problems;
using Eddy.Specs;

namespace Eddy.Server.Monitoring;

/// <summary>
/// A model's monitors and policy, from its create request:
/// <c>"monitors": {"drift": "ADWIN", "metric": {"name": "Accuracy", "threshold": 0.8, "margin": 0.05}}</c> and
/// <c>"policy": {"action": "retrain", "window": 1000, "cooldown": 1000}</c>, and the model's challengers
/// (<see cref="ChallengerSpec"/>). Logged and snapshotted as canonical JSON.
/// </summary>
internal sealed record WatchSpec(
    string? Drift,
    string? Predictions,
    string? Metric,
    double? Threshold,
    double? Margin,
    WatchAction Action,
    int Window,
    int Cooldown)
{
    public const int MaxWindow = 100_000;

    /// <summary>A fresh detector of the drift monitor's kind; each model's watch clones it.</summary>
    public Eddy.Drift.DriftDetector? DetectorPrototype { get; init; }

    /// <summary>A fresh detector for the prediction monitor (predicted-class probability, or predicted value).</summary>
    public Eddy.Drift.DriftDetector? PredictionPrototype { get; init; }

    /// <summary>The per-feature monitor (a detector and/or PSI on each watched numeric feature), if any.</summary>
    public FeatureWatchSpec? Features { get; init; }

    /// <summary>The challengers and their promotion rule (with the <c>challenger</c> action, at least the rule), if any.</summary>
    public ChallengerSpec? Challengers { get; init; }

    /// <summary>Whether any monitor is configured (a model may have challengers without monitors).</summary>
    public bool HasMonitors => Drift is not null || Predictions is not null || Metric is not null || Features is not null;

    /// <summary>Checkpoints kept for rollback (one every <see cref="Window"/> learns).</summary>
    public const int Checkpoints = 4;

    /// <summary>Reads and validates the request's <c>monitors</c> and <c>policy</c>; null when neither is given.</summary>
    public static WatchSpec? Read(JsonNode? monitors, JsonNode? policy, EstimatorCatalog catalog, IReadOnlyList<Metric> metrics) =>
        Read(monitors, policy, catalog, metrics, _ => null);

    /// <summary>
    /// As above, with the challengers (read by <paramref name="challengers"/>, told whether the policy starts some): a model
    /// with challengers has a watch spec even without monitors.
    /// </summary>
    public static WatchSpec? Read(JsonNode? monitors, JsonNode? policy, EstimatorCatalog catalog, IReadOnlyList<Metric> metrics, Func<bool, ChallengerSpec?> challengers)
    {
        if (monitors is null && policy is null)
        {
            return challengers(false) is { } only ? new WatchSpec(null, null, null, null, null, WatchAction.Alert, 1000, 1000) { Challengers = only } : null;
        }

        if (monitors is not JsonObject monitorObject)
        {
            throw Invalid("\"monitors\" is an object: {\"drift\": \"ADWIN\", \"metric\": {\"name\": \"Accuracy\", \"threshold\": 0.8, \"margin\": 0.05}}.", "monitors");
        }

        string? drift = null;
        Eddy.Drift.DriftDetector? detector = null;
        string? predictions = null;
        Eddy.Drift.DriftDetector? predictionDetector = null;
        string? metric = null;
        double? threshold = null;
        double? margin = null;
        FeatureWatchSpec? features = null;
        foreach ((string key, JsonNode? value) in monitorObject)
        {
            switch (key)
            {
                case "drift":
                    (detector, drift) = ReadCanonical(value, catalog, "monitors.drift");
                    break;
                case "predictions":
                    (predictionDetector, predictions) = ReadCanonical(value, catalog, "monitors.predictions");
                    if (predictionDetector is Eddy.Drift.Binary.BinaryDriftDetector)
                    {
                        throw Invalid("The predictions monitor watches numbers (a probability or a predicted value): use ADWIN, PageHinkley or KSWIN.", "monitors.predictions");
                    }

                    break;
                case "metric":
                    (metric, threshold, margin) = ReadMetric(value, metrics);
                    break;
                case "features":
                    features = FeatureWatchSpec.Read(value, catalog);
                    break;
                default:
                    throw Invalid($"Unknown monitor '{key}'; monitors are \"drift\", \"predictions\", \"metric\" and \"features\".", "monitors." + key);
            }
        }

        if (drift is null && predictions is null && metric is null && features is null)
        {
            throw Invalid("Give at least one monitor: \"drift\", \"predictions\", \"metric\" or \"features\".", "monitors");
        }

        (WatchAction action, int window, int cooldown) = ReadPolicy(policy);
        return new WatchSpec(drift, predictions, metric, threshold, margin, action, window, cooldown)
        {
            DetectorPrototype = detector,
            PredictionPrototype = predictionDetector,
            Features = features,
            Challengers = challengers(action == WatchAction.Challenger),
        };
    }

    /// <summary>A logged watch spec; <paramref name="champion"/> (the model's prototype) checks its challengers' kind.</summary>
    public static WatchSpec FromJson(string json, EstimatorCatalog catalog, IReadOnlyList<Metric> metrics, Eddy.Base.Estimator? champion = null)
    {
        JsonObject root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("A watch spec is a JSON object.");
        return Read(root["monitors"], root["policy"], catalog, metrics, required =>
                !required && root["challengers"] is null && root["promotion"] is null && root["holdout"] is null
                    ? null
                    : ChallengerSpec.Read(root["challengers"], root["promotion"], root["holdout"], required, catalog, champion ?? throw new InvalidDataException("Reading challengers needs the model."), metrics))
            ?? throw new InvalidDataException("A logged watch spec has no monitors.");
    }

    public string ToJson()
    {
        if (!HasMonitors)
        {
            var root = new JsonObject();
            Challengers?.WriteJson(root);
            return root.ToJsonString();
        }

        var monitors = new JsonObject();
        if (Drift is not null)
        {
            monitors["drift"] = Drift;
        }

        if (Predictions is not null)
        {
            monitors["predictions"] = Predictions;
        }

        if (Metric is not null)
        {
            var metric = new JsonObject { ["name"] = Metric };
            if (Threshold is { } threshold)
            {
                metric["threshold"] = threshold;
            }

            if (Margin is { } margin)
            {
                metric["margin"] = margin;
            }

            monitors["metric"] = metric;
        }

        if (Features is not null)
        {
            monitors["features"] = Features.ToJsonNode();
        }

        var policy = new JsonObject
        {
            ["action"] = Action.ToString().ToLowerInvariant(),
            ["window"] = Window,
            ["cooldown"] = Cooldown,
        };
        var spec = new JsonObject { ["monitors"] = monitors, ["policy"] = policy };
        Challengers?.WriteJson(spec);
        return spec.ToJsonString();
    }

    /// <summary>
    /// A detector and the text to log it as: its canonical expression, which parses back to the same detector (River's
    /// repr does not always: KSWIN's <c>window=</c>), with a seed drawn once here for a detector that samples and was
    /// given none — so recovery and a standby trainer rebuild the same decisions.
    /// </summary>
    internal static (Eddy.Drift.DriftDetector Detector, string Text) ReadCanonical(JsonNode? value, EstimatorCatalog catalog, string field) =>
        ReadCanonical(value, catalog, field, out _);

    /// <summary>As above; <paramref name="seedDrawn"/> says whether a seed had to be drawn (none was given).</summary>
    internal static (Eddy.Drift.DriftDetector Detector, string Text) ReadCanonical(JsonNode? value, EstimatorCatalog catalog, string field, out bool seedDrawn)
    {
        bool drawn = false;
        string text = value is JsonValue v && v.TryGetValue(out string? given) ? given : value?.ToJsonString()
            ?? throw Invalid($"\"{field}\" names a drift detector: \"ADWIN(delta=0.002)\".", field);
        try
        {
            string canonical = catalog.CanonicalDetector(text, () => { drawn = true; return Hosting.SeedPinning.Draw(); }, field);
            seedDrawn = drawn;
            return (catalog.ParseDetector(canonical, field), canonical);
        }
        catch (SpecException e)
        {
            throw Invalid(e.Message, field);
        }
    }

    private static (string Name, double? Threshold, double? Margin) ReadMetric(JsonNode? node, IReadOnlyList<Metric> metrics)
    {
        if (node is not JsonObject o || o["name"] is not JsonValue nameValue || !nameValue.TryGetValue(out string? name))
        {
            throw Invalid("\"monitors.metric\" is {\"name\": a metric of the model, \"threshold\": x, \"margin\": m}.", "monitors.metric");
        }

        bool known = false;
        foreach (Metric metric in metrics)
        {
            known |= metric.Name == name;
        }

        if (!known)
        {
            throw Invalid($"The model does not track '{name}'; the metric monitor watches one of its metrics.", "monitors.metric.name");
        }

        double? threshold = Number(o["threshold"], "monitors.metric.threshold");
        double? margin = Number(o["margin"], "monitors.metric.margin");
        if (threshold is null && margin is null)
        {
            throw Invalid("The metric monitor needs a \"threshold\" (worse than this fires) or a \"margin\" (worse than the long-run value by this much fires).", "monitors.metric");
        }

        if (margin is < 0)
        {
            throw Invalid("\"margin\" is a non-negative number.", "monitors.metric.margin");
        }

        foreach ((string key, _) in o)
        {
            if (key is not ("name" or "threshold" or "margin"))
            {
                throw Invalid($"Unknown field '{key}' in the metric monitor.", "monitors.metric." + key);
            }
        }

        return (name, threshold, margin);
    }

    private static (WatchAction Action, int Window, int Cooldown) ReadPolicy(JsonNode? node)
    {
        WatchAction action = WatchAction.Alert;
        int window = 1000;
        int? cooldown = null;
        if (node is null)
        {
            return (action, window, window);
        }

        if (node is not JsonObject o)
        {
            throw Invalid("\"policy\" is {\"action\": \"alert\"|\"reset\"|\"rollback\"|\"retrain\"|\"challenger\", \"window\": N, \"cooldown\": N}.", "policy");
        }

        foreach ((string key, JsonNode? value) in o)
        {
            switch (key)
            {
                case "action":
                    string? name = value is JsonValue v && v.TryGetValue(out string? text) ? text : null;
                    action = name switch
                    {
                        "alert" => WatchAction.Alert,
                        "reset" => WatchAction.Reset,
                        "rollback" => WatchAction.Rollback,
                        "retrain" => WatchAction.Retrain,
                        "challenger" => WatchAction.Challenger,
                        _ => throw Invalid("\"policy.action\" is \"alert\", \"reset\", \"rollback\", \"retrain\" or \"challenger\".", "policy.action"),
                    };
                    break;
                case "window":
                    window = Integer(value, "policy.window", 1, MaxWindow);
                    break;
                case "cooldown":
                    cooldown = Integer(value, "policy.cooldown", 0, int.MaxValue);
                    break;
                default:
                    throw Invalid($"Unknown policy field '{key}'.", "policy." + key);
            }
        }

        return (action, window, cooldown ?? window);
    }

    internal static double? Number(JsonNode? node, string field) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out double number) && double.IsFinite(number) => number,
        _ => throw Invalid($"\"{field}\" is a finite number.", field),
    };

    internal static int Integer(JsonNode? node, string field, int minimum, int maximum) =>
        node is JsonValue v && v.TryGetValue(out int value) && value >= minimum && value <= maximum
            ? value
            : throw Invalid($"\"{field}\" is an integer from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString("N0", CultureInfo.InvariantCulture)}.", field);

    internal static ClientErrorException Invalid(string detail, string field) => new(ProblemKind.InvalidSpec, detail, field);
}
