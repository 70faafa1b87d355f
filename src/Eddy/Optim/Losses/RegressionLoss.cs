namespace Eddy.Optim.Losses;

/// <summary>River: <c>optim.losses.RegressionLoss</c>. The mean function is the identity.</summary>
public abstract class RegressionLoss
{
    public abstract double Loss(double yTrue, double yPred);

    /// <summary>Derivative of the loss with respect to the prediction.</summary>
    public abstract double Gradient(double yTrue, double yPred);

    public virtual double MeanFunction(double yPred) => yPred;

    public abstract override string ToString();
}
