namespace Eddy.Ensembles;

/// <summary>
/// The numpy reductions River's <c>ARFRegressor.predict_one</c> aggregates with: <c>np.median</c>, and
/// <c>ndarray.sum</c> / <c>mean</c> with numpy's pairwise summation (eight accumulators per block of 128), so the
/// aggregated prediction has River's bits.
/// </summary>
internal static class ForestAggregation
{
    /// <summary>numpy's <c>pairwise_sum</c> of a contiguous float64 array (the reduction starts from 0).</summary>
    public static double Sum(ReadOnlySpan<double> a) => Eddy.Utils.NumpySum.Pairwise(a);

    /// <summary><c>np.mean</c>: the pairwise sum divided by the count.</summary>
    public static double Mean(ReadOnlySpan<double> a) => Sum(a) / a.Length;

    /// <summary><c>np.median</c>: the middle value, or the mean of the two middle values; sorts <paramref name="a"/> in place.</summary>
    public static double Median(Span<double> a)
    {
        a.Sort();
        int n = a.Length;
        return n % 2 == 1 ? a[n / 2] : (a[(n / 2) - 1] + a[n / 2]) / 2;
    }
}
