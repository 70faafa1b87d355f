using System.Globalization;

namespace Eddy.Optim.Losses;

/// <summary>
/// River: <c>optim.losses.Hinge</c>, <c>max(0, threshold − y·p)</c> with y mapped to ±1. A threshold of 1 is the
/// SVM loss, 0 the perceptron's. Rosenblatt (1958); Cortes &amp; Vapnik (1995).
/// </summary>
public sealed class HingeLoss : BinaryLoss
{
    public HingeLoss(double threshold = 1.0)
    {
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Must be finite.");
        }

        Threshold = threshold;
    }

    public double Threshold { get; }

    public override double Loss(double yTrue, double yPred)
    {
        double y = (yTrue * 2) - 1;
        return Math.Max(Threshold - (y * yPred), 0);
    }

    public override double Gradient(double yTrue, double yPred)
    {
        double y = (yTrue * 2) - 1;

        // River's scalar branch counts the margin itself as a mistake (<=), unlike its vector branch.
        return y * yPred <= Threshold ? -y : 0.0;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Hinge(threshold={Threshold})");
}
