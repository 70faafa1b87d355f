using System.Globalization;

namespace Eddy.Optim.Losses;

/// <summary>River: <c>optim.losses.Log</c>, the logistic loss on logits, with per-class weights.</summary>
public sealed class LogLoss : BinaryLoss
{
    public LogLoss(double weightPos = 1.0, double weightNeg = 1.0)
    {
        if (!double.IsFinite(weightPos) || weightPos < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weightPos), weightPos, "Must be finite and non-negative.");
        }

        if (!double.IsFinite(weightNeg) || weightNeg < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weightNeg), weightNeg, "Must be finite and non-negative.");
        }

        WeightPos = weightPos;
        WeightNeg = weightNeg;
    }

    public double WeightPos { get; }

    public double WeightNeg { get; }

    public override double Loss(double yTrue, double yPred)
    {
        (double sign, double weight) = SignAndWeight(yTrue);
        double z = yPred * sign;
        if (z > 18.0)
        {
            return weight * Math.Exp(-z);
        }

        if (z < -18.0)
        {
            return weight * -z;
        }

        return weight * Math.Log(1.0 + Math.Exp(-z));
    }

    public override double Gradient(double yTrue, double yPred)
    {
        (double sign, double weight) = SignAndWeight(yTrue);
        double z = yPred * sign;

        // Same branches and operation order as River, so gradients are bit-identical.
        if (z > 18.0)
        {
            return weight * Math.Exp(-z) * -sign;
        }

        if (z < -18.0)
        {
            return weight * -sign;
        }

        return weight * -sign / (Math.Exp(z) + 1.0);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Log(weight_pos={WeightPos}, weight_neg={WeightNeg})");

    private (double Sign, double Weight) SignAndWeight(double yTrue) => yTrue == 0 ? (-1.0, WeightNeg) : (1.0, WeightPos);
}
