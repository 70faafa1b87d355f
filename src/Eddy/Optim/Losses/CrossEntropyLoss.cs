using System.Globalization;
using Eddy.Base;

namespace Eddy.Optim.Losses;

/// <summary>
/// River: <c>optim.losses.CrossEntropy</c>, the multi-class log loss on probabilities, with optional class weights
/// (a class without a weight counts 1). Probabilities are clamped to [1e-15, 1 − 1e-15] as River does.
/// </summary>
public sealed class CrossEntropyLoss
{
    private readonly Dictionary<Label, double> _classWeight;

    public CrossEntropyLoss(IReadOnlyDictionary<Label, double>? classWeight = null)
    {
        _classWeight = [];
        if (classWeight is null)
        {
            return;
        }

        foreach (KeyValuePair<Label, double> pair in classWeight)
        {
            if (pair.Key.IsNone || !double.IsFinite(pair.Value) || pair.Value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(classWeight), pair.Value, $"The weight of {pair.Key} must be finite and non-negative.");
            }

            _classWeight[pair.Key] = pair.Value;
        }
    }

    public IReadOnlyDictionary<Label, double> ClassWeight => _classWeight;

    public double WeightOf(Label label) => _classWeight.TryGetValue(label, out double weight) ? weight : 1.0;

    /// <summary>−weight · log p(y); 0 when <paramref name="yTrue"/> is not among the predicted classes.</summary>
    public double Loss(Label yTrue, ClassProbabilities yPred)
    {
        ArgumentNullException.ThrowIfNull(yPred);
        double total = 0.0;
        ReadOnlySpan<Label> classes = yPred.Classes;
        ReadOnlySpan<double> probabilities = yPred.Probabilities;
        for (int k = 0; k < classes.Length; k++)
        {
            if (classes[k].Equals(yTrue))
            {
                total += WeightOf(classes[k]) * Math.Log(ClampProba(probabilities[k]));
            }
        }

        return -total;
    }

    /// <summary>
    /// Gradient with respect to each class's probability: <c>weight · (clamp(p) − [c = y])</c>, per class of
    /// <paramref name="classes"/> (a class the model has not predicted yet has p = 0).
    /// </summary>
    public void Gradient(Label yTrue, ReadOnlySpan<Label> classes, ReadOnlySpan<double> probabilities, Span<double> gradients)
    {
        if (probabilities.Length != classes.Length || gradients.Length < classes.Length)
        {
            throw new ArgumentException("One probability and one gradient slot per class are needed.", nameof(gradients));
        }

        for (int k = 0; k < classes.Length; k++)
        {
            double indicator = classes[k].Equals(yTrue) ? 1.0 : 0.0;
            gradients[k] = WeightOf(classes[k]) * (ClampProba(probabilities[k]) - indicator);
        }
    }

    public override string ToString()
    {
        var parts = new List<string>();
        foreach (KeyValuePair<Label, double> pair in _classWeight)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{pair.Key}: {pair.Value}"));
        }

        return "CrossEntropy(class_weight={" + string.Join(", ", parts) + "})";
    }

    /// <summary>River's <c>clamp_proba</c>: <c>max(min(p, 1 − 1e-15), 1e-15)</c>.</summary>
    public static double ClampProba(double p) => Math.Max(Math.Min(p, 1 - 1e-15), 1e-15);
}
