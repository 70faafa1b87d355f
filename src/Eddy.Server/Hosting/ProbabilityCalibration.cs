using System.Text.Json.Nodes;
using Eddy.Base;
using Eddy.Server.Problems;

namespace Eddy.Server.Hosting;

/// <summary>
/// Calibrated probabilities for a classifier's answers (<c>"output": {"calibration": …}</c>), with parameters fitted
/// offline, e.g. on a holdout: <c>{"temperature": T}</c> rescales every class, p_i ∝ p_i^(1/T) (softmax of log p / T;
/// T &gt; 1 softens, T &lt; 1 sharpens), and <c>{"platt": {"a": A, "b": B}}</c> maps a binary model's P(true) to
/// 1 / (1 + exp(A·logit(p) + B)) (Platt, 1999; A is usually negative). Presentation only, like the rest of the output
/// mapping: the model learns and is scored on its own probabilities.
/// </summary>
internal sealed record ProbabilityCalibration(double? Temperature, double? PlattA, double? PlattB)
{
    // Probabilities of exactly 0 or 1 have no logit; Platt scaling clamps them this close.
    private const double Epsilon = 1e-15;

    public static ProbabilityCalibration Read(JsonNode? node)
    {
        const string Example = "\"output.calibration\" is {\"temperature\": 1.5} or {\"platt\": {\"a\": -1.2, \"b\": 0.1}}.";
        if (node is not JsonObject calibration || calibration.Count != 1)
        {
            throw Invalid(Example, "output.calibration");
        }

        (string method, JsonNode? value) = calibration.First();
        switch (method)
        {
            case "temperature":
                return Number(value, "output.calibration.temperature") is var t and > 0 and <= 1e6
                    ? new ProbabilityCalibration(t, null, null)
                    : throw Invalid("\"output.calibration.temperature\" is a number above 0 (1 changes nothing).", "output.calibration.temperature");
            case "platt":
                if (value is not JsonObject platt || platt.Count != 2 || platt["a"] is null || platt["b"] is null)
                {
                    throw Invalid("\"output.calibration.platt\" is {\"a\": A, \"b\": B}: P(true) becomes 1 / (1 + exp(A·logit(p) + B)).", "output.calibration.platt");
                }

                return new ProbabilityCalibration(null, Number(platt["a"], "output.calibration.platt.a"), Number(platt["b"], "output.calibration.platt.b"));
            default:
                throw Invalid(Example, "output.calibration." + method);
        }
    }

    public JsonObject ToJson() => Temperature is { } t
        ? new JsonObject { ["temperature"] = t }
        : new JsonObject { ["platt"] = new JsonObject { ["a"] = PlattA, ["b"] = PlattB } };

    /// <summary>
    /// Writes the calibrated probability of each class into <paramref name="calibrated"/> (same order). Platt scaling
    /// applies to a binary model that has seen the class true; otherwise the probabilities are copied unchanged.
    /// </summary>
    public void Apply(ReadOnlySpan<Label> classes, ReadOnlySpan<double> probabilities, Span<double> calibrated)
    {
        probabilities.CopyTo(calibrated);
        if (Temperature is { } temperature)
        {
            double sum = 0;
            for (int i = 0; i < calibrated.Length; i++)
            {
                calibrated[i] = Math.Pow(probabilities[i], 1 / temperature);
                sum += calibrated[i];
            }

            if (!(sum > 0) || !double.IsFinite(sum))
            {
                probabilities.CopyTo(calibrated);
                return;
            }

            for (int i = 0; i < calibrated.Length; i++)
            {
                calibrated[i] /= sum;
            }

            return;
        }

        int positive = classes.IndexOf(Label.True);
        if (positive < 0 || classes.Length > 2)
        {
            return;
        }

        double p = Math.Clamp(probabilities[positive], Epsilon, 1 - Epsilon);
        double scaled = 1 / (1 + Math.Exp((PlattA!.Value * Math.Log(p / (1 - p))) + PlattB!.Value));
        calibrated[positive] = scaled;
        if (classes.Length == 2)
        {
            calibrated[1 - positive] = 1 - scaled;
        }
    }

    private static double Number(JsonNode? node, string field) =>
        node is JsonValue value && value.TryGetValue(out double number) && double.IsFinite(number)
            ? number
            : throw Invalid($"\"{field}\" is a finite number.", field);

    private static ClientErrorException Invalid(string detail, string field) => new(ProblemKind.InvalidSpec, detail, field);
}
