namespace Eddy.Optim.Losses;

/// <summary>River: <c>optim.losses.Absolute</c>, <c>|p − y|</c>; its gradient is +1 above the target and −1 otherwise.</summary>
public sealed class AbsoluteLoss : RegressionLoss
{
    public override double Loss(double yTrue, double yPred) => Math.Abs(yPred - yTrue);

    // River returns −1 at p == y too.
    public override double Gradient(double yTrue, double yPred) => yPred > yTrue ? 1.0 : -1.0;

    public override string ToString() => "Absolute()";
}
