using Eddy.Base;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.LogLoss</c>. Mean binary cross-entropy of P(True), clamped to [1e-15, 1 − 1e-15] as River clamps it;
/// the truth is <c>y_true == pos_val</c>.
/// </summary>
public sealed class LogLoss : MeanClassificationMetric
{
    public LogLoss()
        : this(Label.True)
    {
    }

    public LogLoss(Label posVal)
    {
        if (posVal.IsNone)
        {
            throw new ArgumentOutOfRangeException(nameof(posVal), "The positive class must not be missing.");
        }

        PosVal = posVal;
    }

    public Label PosVal { get; }

    public override string Name => "LogLoss";

    public override bool RequiresLabels => false;

    public override Metric CloneFresh() => new LogLoss(PosVal);

    /// <summary>River's <c>ClassificationMetric._clamp_proba</c>.</summary>
    internal static double ClampProbability(double p) => Math.Max(Math.Min(p, 1 - 1e-15), 1e-15);

    protected override double Eval(Label yTrue, ClassificationPrediction yPred)
    {
        double pTrue = ClampProbability(yPred.RequireProbabilities(Name).Get(Label.True));
        return yTrue == PosVal ? -Math.Log(pTrue) : -Math.Log(1 - pTrue);
    }
}
