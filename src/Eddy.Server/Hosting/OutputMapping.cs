using System.Text.Json;
using System.Text.Json.Nodes;
using Eddy.Base;
using Eddy.Server.Http;
using Eddy.Server.Problems;

namespace Eddy.Server.Hosting;

/// <summary>
/// How a model's answers are shaped for its clients (post-processing), from the create request's <c>output</c>:
/// <c>{"labels": {"true": "fraud", "false": "legit"}, "threshold": 0.8, "top": 3, "calibration": {"temperature": 1.5}}</c>
/// for a classifier (the threshold applies to the calibrated probability),
/// <c>{"clip": {"min": 0, "max": 100}, "round": 2, "unit": "EUR"}</c> for a regressor. It changes what a prediction
/// says, never what the model learns or how it is scored: metrics measure the model, not its presentation.
/// </summary>
internal sealed class OutputMapping
{
    private readonly Dictionary<string, string> _labels;

    private OutputMapping(Dictionary<string, string> labels, double? threshold, int? top, double? min, double? max, int? round, string? unit, ProbabilityCalibration? calibration)
    {
        _labels = labels;
        Calibration = calibration;
        Threshold = threshold;
        Top = top;
        Min = min;
        Max = max;
        Round = round;
        Unit = unit;
    }

    /// <summary>Binary classifiers: the class is true when P(true) ≥ this (instead of the most probable class).</summary>
    public double? Threshold { get; }

    /// <summary>Classifiers: only the most probable classes, this many, in decreasing probability.</summary>
    public int? Top { get; }

    public double? Min { get; }

    public double? Max { get; }

    /// <summary>Regressors: decimal places (away from zero at a half).</summary>
    public int? Round { get; }

    /// <summary>Regressors: echoed as <c>"unit"</c> with each prediction.</summary>
    public string? Unit { get; }

    /// <summary>Classifiers: probabilities answered after this calibration.</summary>
    public ProbabilityCalibration? Calibration { get; }

    public bool HasLabels => _labels.Count > 0;

    /// <summary>Reads and validates <c>output</c>; null when absent. <paramref name="classifier"/>: the model's kind.</summary>
    public static OutputMapping? Read(JsonNode? node, bool classifier)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject output)
        {
            throw Invalid("\"output\" is an object, e.g. {\"labels\": {\"true\": \"fraud\"}, \"threshold\": 0.8} or {\"clip\": {\"min\": 0}, \"round\": 2}.", "output");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        double? threshold = null, min = null, max = null;
        int? top = null, round = null;
        string? unit = null;
        ProbabilityCalibration? calibration = null;
        foreach ((string key, JsonNode? value) in output)
        {
            switch (key)
            {
                case "labels" when classifier:
                    if (value is not JsonObject names || names.Count is 0 or > 10_000)
                    {
                        throw Invalid("\"output.labels\" maps a class (as its JSON key: \"true\", \"1\", \"cat\") to the name to answer, e.g. {\"true\": \"fraud\"}.", "output.labels");
                    }

                    foreach ((string label, JsonNode? name) in names)
                    {
                        labels[label] = name is JsonValue labelName && labelName.TryGetValue(out string? s) && s.Length is > 0 and <= 256
                            ? s
                            : throw Invalid($"\"output.labels.{label}\" is a name of 1 to 256 characters.", "output.labels." + label);
                    }

                    break;
                case "threshold" when classifier:
                    threshold = Number(value, "output.threshold") is var t and > 0 and < 1 ? t : throw Invalid("\"output.threshold\" is a probability strictly between 0 and 1.", "output.threshold");
                    break;
                case "top" when classifier:
                    top = value is JsonValue v && v.TryGetValue(out int k) && k is >= 1 and <= 1000 ? k : throw Invalid("\"output.top\" is an integer from 1 to 1,000.", "output.top");
                    break;
                case "calibration" when classifier:
                    calibration = ProbabilityCalibration.Read(value);
                    break;
                case "clip" when !classifier:
                    if (value is not JsonObject clip || clip.Count == 0)
                    {
                        throw Invalid("\"output.clip\" is {\"min\": a, \"max\": b} (either may be left out).", "output.clip");
                    }

                    foreach ((string bound, JsonNode? limit) in clip)
                    {
                        switch (bound)
                        {
                            case "min":
                                min = Number(limit, "output.clip.min");
                                break;
                            case "max":
                                max = Number(limit, "output.clip.max");
                                break;
                            default:
                                throw Invalid($"\"output.clip\" has min and max, not \"{bound}\".", "output.clip." + bound);
                        }
                    }

                    if (min > max)
                    {
                        throw Invalid("\"output.clip.min\" is above \"output.clip.max\".", "output.clip");
                    }

                    break;
                case "round" when !classifier:
                    round = value is JsonValue r && r.TryGetValue(out int digits) && digits is >= 0 and <= 15 ? digits : throw Invalid("\"output.round\" is a number of decimal places from 0 to 15.", "output.round");
                    break;
                case "unit" when !classifier:
                    unit = value is JsonValue u && u.TryGetValue(out string? text) && text.Length is > 0 and <= 64 ? text : throw Invalid("\"output.unit\" is a string of 1 to 64 characters.", "output.unit");
                    break;
                default:
                    throw Invalid(
                        classifier
                            ? $"A classifier's \"output\" has labels, threshold, top and calibration, not \"{key}\"."
                            : $"A regressor's \"output\" has clip, round and unit, not \"{key}\".",
                        "output." + key);
            }
        }

        return new OutputMapping(labels, threshold, top, min, max, round, unit, calibration);
    }

    /// <summary>The canonical JSON it was read from (logged with the model, kept in its snapshots).</summary>
    public string ToJson()
    {
        var output = new JsonObject();
        if (_labels.Count > 0)
        {
            var labels = new JsonObject();
            foreach ((string label, string name) in _labels)
            {
                labels[label] = name;
            }

            output["labels"] = labels;
        }

        if (Threshold is { } threshold)
        {
            output["threshold"] = threshold;
        }

        if (Top is { } top)
        {
            output["top"] = top;
        }

        if (Calibration is { } calibration)
        {
            output["calibration"] = calibration.ToJson();
        }

        if (Min is not null || Max is not null)
        {
            var clip = new JsonObject();
            if (Min is { } min)
            {
                clip["min"] = min;
            }

            if (Max is { } max)
            {
                clip["max"] = max;
            }

            output["clip"] = clip;
        }

        if (Round is { } round)
        {
            output["round"] = round;
        }

        if (Unit is { } unit)
        {
            output["unit"] = unit;
        }

        return output.ToJsonString();
    }

    /// <summary>Reads a logged mapping back (it was valid when logged).</summary>
    public static OutputMapping FromJson(string json, bool classifier) => Read(JsonNode.Parse(json), classifier)!;

    /// <summary>The class to answer: by threshold for a binary model that has seen true, else the model's own.</summary>
    public Label Decide(Label predicted, ClassProbabilities? probabilities)
    {
        if (Threshold is not { } threshold || probabilities is null || probabilities.Count == 0)
        {
            return predicted;
        }

        ReadOnlySpan<Label> classes = probabilities.Classes;
        Span<double> values = classes.Length <= 256 ? stackalloc double[classes.Length] : new double[classes.Length];
        Calibrated(probabilities, values);
        for (int i = 0; i < classes.Length; i++)
        {
            if (classes[i] == Label.True)
            {
                return values[i] >= threshold ? classes[i] : OtherClass(classes, i, predicted);
            }
        }

        return predicted;
    }

    /// <summary>The probabilities to answer: calibrated when the mapping says so.</summary>
    private void Calibrated(ClassProbabilities probabilities, Span<double> values)
    {
        if (Calibration is { } calibration)
        {
            calibration.Apply(probabilities.Classes, probabilities.Probabilities, values);
        }
        else
        {
            probabilities.Probabilities.CopyTo(values);
        }
    }

    /// <summary>Writes a class: its mapped name, or itself.</summary>
    public void WriteLabel(Utf8JsonWriter writer, Label label)
    {
        if (_labels.Count > 0 && !label.IsNone && _labels.TryGetValue(JsonResponse.Key(label), out string? name))
        {
            writer.WriteStringValue(name);
        }
        else
        {
            JsonResponse.WriteLabel(writer, label);
        }
    }

    /// <summary>Writes the probabilities: the top classes only (most probable first) when asked, names mapped.</summary>
    public void WriteProbabilities(Utf8JsonWriter writer, ClassProbabilities probabilities)
    {
        ReadOnlySpan<Label> classes = probabilities.Classes;
        Span<double> values = classes.Length <= 256 ? stackalloc double[classes.Length] : new double[classes.Length];
        Calibrated(probabilities, values);
        int count = Math.Min(classes.Length, Top ?? int.MaxValue);
        Span<int> order = classes.Length <= 256 ? stackalloc int[classes.Length] : new int[classes.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (Top is not null)
        {
            // Stable: equal probabilities keep the model's class order.
            for (int i = 1; i < order.Length; i++)
            {
                int current = order[i];
                int j = i - 1;
                while (j >= 0 && values[order[j]] < values[current])
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = current;
            }
        }

        writer.WriteStartObject();
        for (int i = 0; i < count; i++)
        {
            Label label = classes[order[i]];
            string key = JsonResponse.Key(label);
            writer.WriteNumber(_labels.TryGetValue(key, out string? name) ? name : key, values[order[i]]);
        }

        writer.WriteEndObject();
    }

    /// <summary>A regressor's value, clipped then rounded.</summary>
    public double Shape(double value)
    {
        if (!double.IsFinite(value))
        {
            return value;
        }

        if (Min is { } min && value < min)
        {
            value = min;
        }

        if (Max is { } max && value > max)
        {
            value = max;
        }

        return Round is { } digits ? Math.Round(value, digits, MidpointRounding.AwayFromZero) : value;
    }

    private static Label OtherClass(ReadOnlySpan<Label> classes, int trueIndex, Label predicted)
    {
        for (int i = 0; i < classes.Length; i++)
        {
            if (i != trueIndex)
            {
                return classes[i];
            }
        }

        return predicted == Label.True ? Label.False : predicted;
    }

    private static double Number(JsonNode? node, string field) =>
        node is JsonValue value && value.TryGetValue(out double number) && double.IsFinite(number)
            ? number
            : throw Invalid($"\"{field}\" is a finite number.", field);

    private static ClientErrorException Invalid(string detail, string field) => new(ProblemKind.InvalidSpec, detail, field);
}
