using Eddy.Base;
using Eddy.Metrics;

namespace Eddy.Specs;

/// <summary>Fresh instances built from a <see cref="ModelSpec"/>: the estimator, its metrics and what it is.</summary>
public sealed record BuiltModel(Estimator Estimator, IReadOnlyList<Metric> Metrics, EstimatorKind Kind)
{
    /// <summary>The metrics typed for a classifier's progressive validation (empty unless <see cref="Kind"/> is Classifier).</summary>
    public IReadOnlyList<ClassificationMetric> ClassificationMetrics => [.. Metrics.OfType<ClassificationMetric>()];

    /// <summary>The metrics typed for a regressor's progressive validation (empty unless <see cref="Kind"/> is Regressor).</summary>
    public IReadOnlyList<RegressionMetric> RegressionMetrics => [.. Metrics.OfType<RegressionMetric>()];
}
