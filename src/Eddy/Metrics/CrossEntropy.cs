using Eddy.Base;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.CrossEntropy</c>. Mean multi-class log loss of the probability given to the true class, clamped to
/// [1e-15, 1 − 1e-15]. As in River (<c>optim.losses.CrossEntropy</c>), a true class absent from the probabilities
/// contributes 0.
/// </summary>
public sealed class CrossEntropy : MeanClassificationMetric
{
    public override string Name => "CrossEntropy";

    public override bool RequiresLabels => false;

    public override Metric CloneFresh() => new CrossEntropy();

    protected override double Eval(Label yTrue, ClassificationPrediction yPred)
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
