namespace Eddy.Neighbors;

/// <summary>River's <c>aggregation_method</c> of <c>neighbors.KNNRegressor</c>: how the neighbours' targets combine.</summary>
public enum KNNAggregation
{
    /// <summary><c>"mean"</c>: Python's <c>statistics.mean</c> (exact, rounded once).</summary>
    Mean,

    /// <summary><c>"median"</c>: Python's <c>statistics.median</c>.</summary>
    Median,

    /// <summary><c>"weighted_mean"</c>: <c>Σ y/d / Σ 1/d</c>, inverse-distance weights.</summary>
    WeightedMean,
}
