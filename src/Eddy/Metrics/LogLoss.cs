using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.LogLoss</c>. Mean binary cross-entropy of P(True), clamped to [1e-15, 1 − 1e-15] as River clamps it;
/// the truth is <c>y_true == pos_val</c>.
/// </summary>
public sealed class LogLoss : ClassificationMetric
{
    private const byte StateVersion = 1;

    private readonly RunningMean _mean = new();

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

    public override double Value => _mean.Mean;

    public override bool BiggerIsBetter => false;

    public override bool RequiresLabels => false;

    public override void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0)
    {
        BinaryMetric.CheckWeight(w);
        _mean.Update(Eval(yTrue, yPred), w);
    }

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0)
    {
        BinaryMetric.CheckWeight(w);
        _mean.Revert(Eval(yTrue, yPred), w, Name);
    }

    public override Metric CloneFresh() => new LogLoss(PosVal);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(LogLoss), StateVersion);
        _mean.Write(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(LogLoss), StateVersion);
        _mean.Set(RunningMean.Read(reader));
    }

    /// <summary>River's <c>ClassificationMetric._clamp_proba</c>.</summary>
    internal static double ClampProbability(double p) => Math.Max(Math.Min(p, 1 - 1e-15), 1e-15);

    private double Eval(Label yTrue, ClassificationPrediction yPred)
    {
        double pTrue = ClampProbability(yPred.RequireProbabilities(Name).Get(Label.True));
        return yTrue == PosVal ? -Math.Log(pTrue) : -Math.Log(1 - pTrue);
    }
}
