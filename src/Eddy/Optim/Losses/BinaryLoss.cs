namespace Eddy.Optim.Losses;

/// <summary>River: <c>optim.losses.BinaryLoss</c>. Targets are 0/1 (false/true); predictions are raw scores (logits).</summary>
public abstract class BinaryLoss
{
    /// <summary>The loss for a 0/1 target and a raw score.</summary>
    public abstract double Loss(double yTrue, double yPred);

    /// <summary>Derivative of the loss with respect to the raw score.</summary>
    public abstract double Gradient(double yTrue, double yPred);

    /// <summary>River's <c>mean_func</c>: raw score → probability (the sigmoid, clamped to 0/1 beyond ±30).</summary>
    public virtual double MeanFunction(double yPred) => MathUtils.Sigmoid(yPred);

    public abstract override string ToString();
}
