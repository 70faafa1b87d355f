namespace Eddy.Metrics;

/// <summary>River's <c>metrics.base.RegressionMetric</c>.</summary>
public abstract class RegressionMetric : Metric
{
    public abstract void Update(double yTrue, double yPred, double w = 1.0);

    /// <summary>Undoes an earlier <see cref="Update"/> with the same arguments (rolling windows).</summary>
    public abstract void Revert(double yTrue, double yPred, double w = 1.0);
}
