using System.Globalization;

namespace Eddy.Optim.Losses;

/// <summary>River: <c>optim.losses.Huber</c>, squared near the target and linear beyond <c>epsilon</c>. Huber (1964).</summary>
public sealed class HuberLoss : RegressionLoss
{
    public HuberLoss(double epsilon = 0.1)
    {
        if (!double.IsFinite(epsilon) || epsilon <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Must be finite and positive.");
        }

        Epsilon = epsilon;
    }

    public double Epsilon { get; }

    public override double Loss(double yTrue, double yPred)
    {
        double r = yPred - yTrue;
        double absR = Math.Abs(r);
        return absR <= Epsilon ? 0.5 * r * r : (Epsilon * absR) - (0.5 * Epsilon * Epsilon);
    }

    public override double Gradient(double yTrue, double yPred)
    {
        double r = yPred - yTrue;
        if (Math.Abs(r) <= Epsilon)
        {
            return r;
        }

        return r > 0.0 ? Epsilon : -Epsilon;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Huber(epsilon={Epsilon})");
}
