using Eddy.Base;

namespace Eddy.Metrics;

/// <summary>River's <c>metrics.base.ClassificationMetric</c> (binary and multi-class).</summary>
public abstract class ClassificationMetric : Metric
{
    /// <summary>False for metrics that score probabilities (River's <c>requires_labels</c>).</summary>
    public virtual bool RequiresLabels => true;

    public abstract void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0);

    /// <summary>Undoes an earlier update with the same arguments (rolling windows).</summary>
    public abstract void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0);

    /// <summary>Convenience for label metrics: <c>Update(yTrue, new(yPred))</c>.</summary>
    public void Update(Label yTrue, Label yPred, double w = 1.0) => Update(yTrue, new ClassificationPrediction(yPred), w);

    public void Revert(Label yTrue, Label yPred, double w = 1.0) => Revert(yTrue, new ClassificationPrediction(yPred), w);
}
