using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.CrossEntropy</c>. Mean multi-class log loss of the probability given to the true class, clamped to
/// [1e-15, 1 − 1e-15]. As in River (<c>optim.losses.CrossEntropy</c>), a true class absent from the probabilities
/// contributes 0.
/// </summary>
public sealed class CrossEntropy : ClassificationMetric
{
    private const byte StateVersion = 1;

    private readonly RunningMean _mean = new();

    public override string Name => "CrossEntropy";

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

    public override Metric CloneFresh() => new CrossEntropy();

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(CrossEntropy), StateVersion);
        _mean.Write(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(CrossEntropy), StateVersion);
        _mean.Set(RunningMean.Read(reader));
    }

    private double Eval(Label yTrue, ClassificationPrediction yPred)
    {
        ClassProbabilities probabilities = yPred.RequireProbabilities(Name);
        ReadOnlySpan<Label> classes = probabilities.Classes;
        ReadOnlySpan<double> values = probabilities.Probabilities;
        double total = 0;
        for (int i = 0; i < classes.Length; i++)
        {
            if (classes[i] == yTrue)
            {
                total += 1.0 * Math.Log(LogLoss.ClampProbability(values[i]));
            }
        }

        return -total;
    }
}
