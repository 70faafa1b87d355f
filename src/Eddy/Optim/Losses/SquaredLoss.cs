namespace Eddy.Optim.Losses;

/// <summary>
/// River: <c>optim.losses.Squared</c>, <c>(p − y)²</c> with gradient <c>2 (p − y)</c> (Vowpal Wabbit's and
/// PyTorch's convention, not scikit-learn's halved one).
/// </summary>
public sealed class SquaredLoss : RegressionLoss
{
    public override double Loss(double yTrue, double yPred) => (yPred - yTrue) * (yPred - yTrue);

    public override double Gradient(double yTrue, double yPred) => 2 * (yPred - yTrue);

    public override string ToString() => "Squared()";
}
