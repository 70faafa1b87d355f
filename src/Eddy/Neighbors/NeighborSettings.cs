using Eddy.Base;

namespace Eddy.Neighbors;

/// <summary>What River's <c>BaseKNN</c> and <c>NearestNeighbors</c> share between the classifier and the regressor.</summary>
internal static class NeighborSettings
{
    private const int StackLimit = 64;

    public static void Validate(int nNeighbors, int windowSize, double minDistanceKeep, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nNeighbors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        if (!double.IsFinite(minDistanceKeep))
        {
            throw new ArgumentOutOfRangeException(nameof(minDistanceKeep), minDistanceKeep, "Must be finite.");
        }

        if (!double.IsFinite(p) || p < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The Minkowski exponent must be finite and at least 1.");
        }
    }

    /// <summary>
    /// River's <c>NearestNeighbors.update</c> rule, as written: every example is kept when <c>min_distance_keep</c> is 0,
    /// otherwise only when the window is empty or the nearest stored example is closer than it.
    /// </summary>
    public static bool Keeps(NeighborWindow window, FeatureVector x, int nNeighbors, double minDistanceKeep)
    {
        if (minDistanceKeep == 0)
        {
            return true;
        }

        int k = Math.Min(nNeighbors, window.Count);
        Span<int> slots = k <= StackLimit ? stackalloc int[k] : new int[k];
        Span<double> distances = k <= StackLimit ? stackalloc double[k] : new double[k];
        return window.FindNearest(x, k, slots, distances) == 0 || distances[0] < minDistanceKeep;
    }

    public static string Name(KNNAggregation method) => method switch
    {
        KNNAggregation.Mean => "mean",
        KNNAggregation.Median => "median",
        _ => "weighted_mean",
    };

    /// <summary>River's spelling of an aggregation method; throws for an unknown one.</summary>
    public static KNNAggregation Parse(string aggregationMethod) => aggregationMethod switch
    {
        "mean" => KNNAggregation.Mean,
        "median" => KNNAggregation.Median,
        "weighted_mean" => KNNAggregation.WeightedMean,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregationMethod), aggregationMethod, "Valid options are 'mean', 'median' and 'weighted_mean'."),
    };
}
