using System.Globalization;
using System.Text.Json.Nodes;
using Eddy.Drift;
using Eddy.Drift.Binary;
using Eddy.Specs;

namespace Eddy.Server.Monitoring;

/// <summary>
/// The per-feature monitor of a model's watch:
/// <c>"features": {"detector": "ADWIN", "psi": {"reference": 1000, "recent": 1000, "bins": 10, "threshold": 0.2}, "names": ["amount", "age"]}</c>.
/// A numeric drift detector per watched feature, fed its value at each learn, and/or the Population Stability Index
/// between the feature's first <c>reference</c> values (after creation or the last policy action) and its last
/// <c>recent</c> ones, checked every <c>recent</c> values. Without <c>names</c>, the first <see cref="MaxFeatures"/>
/// numeric features seen are watched, in the order they first appear.
/// </summary>
internal sealed record FeatureWatchSpec(string? Detector, bool Psi, int Reference, int Recent, int Bins, double Threshold, IReadOnlyList<string>? Names)
{
    /// <summary>The most features one model watches (named or first seen): each costs a detector and PSI windows.</summary>
    public const int MaxFeatures = 64;

    public const int MinWindow = 10;
    public const int MaxWindow = 100_000;
    public const int MinBins = 2;
    public const int MaxBins = 100;

    private const string Field = "monitors.features";

    /// <summary>A fresh detector of the kind each watched feature gets (cloned per feature).</summary>
    public DriftDetector? DetectorPrototype { get; init; }

    public static FeatureWatchSpec Read(JsonNode? node, EstimatorCatalog catalog)
    {
        if (node is not JsonObject o)
        {
            throw WatchSpec.Invalid("\"monitors.features\" is {\"detector\": \"ADWIN\", \"psi\": {\"reference\": 1000, \"recent\": 1000, \"bins\": 10, \"threshold\": 0.2}, \"names\": [...]}.", Field);
        }

        string? detectorText = null;
        DriftDetector? detector = null;
        bool psi = false;
        (int reference, int recent, int bins, double threshold) = (1000, 1000, 10, 0.2);
        List<string>? names = null;
        foreach ((string key, JsonNode? value) in o)
        {
            switch (key)
            {
                case "detector":
                    (detector, detectorText) = WatchSpec.ReadCanonical(value, catalog, Field + ".detector", out bool seedDrawn);
                    if (detector is BinaryDriftDetector)
                    {
                        throw WatchSpec.Invalid("Feature values are numbers: use ADWIN, PageHinkley or KSWIN.", Field + ".detector");
                    }

                    if (seedDrawn)
                    {
                        // Every watched feature clones this detector; the monitor asks for its seed rather than drawing one.
                        throw WatchSpec.Invalid("Give KSWIN a seed here (KSWIN(seed=42)), so a replay makes the same decisions.", Field + ".detector");
                    }

                    break;
                case "psi":
                    psi = true;
                    (reference, recent, bins, threshold) = ReadPsi(value);
                    break;
                case "names":
                    names = ReadNames(value);
                    break;
                default:
                    throw WatchSpec.Invalid($"Unknown field '{key}' in the features monitor; fields are \"detector\", \"psi\" and \"names\".", Field + "." + key);
            }
        }

        if (detector is null && !psi)
        {
            throw WatchSpec.Invalid("The features monitor needs a \"detector\", a \"psi\" check, or both.", Field);
        }

        return new FeatureWatchSpec(detectorText, psi, reference, recent, bins, threshold, names) { DetectorPrototype = detector };
    }

    public JsonObject ToJsonNode()
    {
        var node = new JsonObject();
        if (Detector is not null)
        {
            node["detector"] = Detector;
        }

        if (Psi)
        {
            node["psi"] = new JsonObject
            {
                ["reference"] = Reference,
                ["recent"] = Recent,
                ["bins"] = Bins,
                ["threshold"] = Threshold,
            };
        }

        if (Names is not null)
        {
            var names = new JsonArray();
            foreach (string name in Names)
            {
                names.Add(name);
            }

            node["names"] = names;
        }

        return node;
    }

    private static (int Reference, int Recent, int Bins, double Threshold) ReadPsi(JsonNode? node)
    {
        const string psiField = Field + ".psi";
        if (node is not JsonObject o)
        {
            throw WatchSpec.Invalid("\"monitors.features.psi\" is {\"reference\": 1000, \"recent\": 1000, \"bins\": 10, \"threshold\": 0.2} (every field optional).", psiField);
        }

        (int reference, int recent, int bins, double threshold) = (1000, 1000, 10, 0.2);
        foreach ((string key, JsonNode? value) in o)
        {
            switch (key)
            {
                case "reference":
                    reference = WatchSpec.Integer(value, psiField + ".reference", MinWindow, MaxWindow);
                    break;
                case "recent":
                    recent = WatchSpec.Integer(value, psiField + ".recent", MinWindow, MaxWindow);
                    break;
                case "bins":
                    bins = WatchSpec.Integer(value, psiField + ".bins", MinBins, MaxBins);
                    break;
                case "threshold":
                    threshold = WatchSpec.Number(value, psiField + ".threshold") is { } t and > 0
                        ? t
                        : throw WatchSpec.Invalid("\"monitors.features.psi.threshold\" is a number above 0 (0.1: a moderate shift, 0.25: a large one).", psiField + ".threshold");
                    break;
                default:
                    throw WatchSpec.Invalid($"Unknown field '{key}' in \"psi\"; fields are \"reference\", \"recent\", \"bins\" and \"threshold\".", psiField + "." + key);
            }
        }

        return (reference, recent, bins, threshold);
    }

    private static List<string> ReadNames(JsonNode? node)
    {
        const string namesField = Field + ".names";
        if (node is not JsonArray array || array.Count is 0 or > MaxFeatures)
        {
            throw WatchSpec.Invalid($"\"monitors.features.names\" is a list of 1 to {MaxFeatures.ToString(CultureInfo.InvariantCulture)} feature names.", namesField);
        }

        var names = new List<string>(array.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < array.Count; i++)
        {
            string itemField = namesField + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (array[i] is not JsonValue v || !v.TryGetValue(out string? name) || name.Length == 0)
            {
                throw WatchSpec.Invalid("A watched feature's name is a non-empty string.", itemField);
            }

            if (!seen.Add(name))
            {
                throw WatchSpec.Invalid($"'{name}' is named twice.", itemField);
            }

            names.Add(name);
        }

        return names;
    }
}
