using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.base.MultiClassMetric</c>. A label metric computed from its own <see cref="ConfusionMatrix"/>;
/// subclasses only read the matrix. Updates and reverts never throw for going below zero (River's matrix does not).
/// </summary>
public abstract class MultiClassMetric : ClassificationMetric
{
    private const byte StateVersion = 1;

    /// <summary>The matrix the value is computed from (read-only use: updating it directly double counts).</summary>
    public ConfusionMatrix Matrix { get; } = new();

    public override bool BiggerIsBetter => true;

    public override bool IsPercentage => true;

    public override void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => Matrix.Update(yTrue, yPred, w);

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => Matrix.Revert(yTrue, yPred, w);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(Name, StateVersion);
        Matrix.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(Name, StateVersion);
        Matrix.ReadState(reader);
    }

    /// <summary>Python's <c>a / b</c> under River's <c>except ZeroDivisionError</c>: the fallback when b is zero.</summary>
    internal static bool TryDivide(double a, double b, out double result)
    {
        if (b == 0)
        {
            result = 0;
            return false;
        }

        result = a / b;
        return true;
    }

    /// <summary>River's F-beta of a precision and a recall (<c>b2</c> is beta squared); 0 when both are 0.</summary>
    internal static double FBetaScore(double p, double r, double b2) =>
        TryDivide((1 + b2) * p * r, (b2 * p) + r, out double f) ? f : 0.0;

    /// <summary>
    /// The F-beta of class <paramref name="c"/> with its true positives scaled by <paramref name="scale"/>: 1 for River's
    /// <c>MacroFBeta</c>; the class support for <c>WeightedFBeta</c>, which scales both precision and recall by it, so
    /// the result is support × F-beta.
    /// </summary>
    internal static double ClassFBeta(ConfusionMatrix cm, int c, double scale, double b2)
    {
        double tp = scale * cm.Cell(c, c);
        TryDivide(tp, cm.ColSum(c), out double p);
        TryDivide(tp, cm.RowSum(c), out double r);
        return FBetaScore(p, r, b2);
    }
}
