namespace Eddy.Ensembles;

/// <summary>
/// The numpy reductions River's <c>ARFRegressor.predict_one</c> aggregates with: <c>np.median</c>, and
/// <c>ndarray.sum</c> / <c>mean</c> with numpy's pairwise summation (eight accumulators per block of 128), so the
/// aggregated prediction has River's bits.
/// </summary>
internal static class ForestAggregation
{
    private const int BlockSize = 128;

    /// <summary>numpy's <c>pairwise_sum</c> of a contiguous float64 array (the reduction starts from 0).</summary>
    public static double Sum(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double res = 0.0;
            for (int i = 0; i < n; i++)
            {
                res += a[i];
            }

            return res;
        }

        if (n <= BlockSize)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }

            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                res += a[i];
            }

            return res;
        }

        int half = n / 2;
        half -= half % 8;
        return Sum(a[..half]) + Sum(a[half..]);
    }

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
