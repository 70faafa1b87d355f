namespace Eddy.Utils;

/// <summary>
/// NumPy's float64 reductions, bit for bit: River sums arrays with <c>np.sum</c>/<c>mean</c>, whose pairwise summation
/// rounds differently from a left-to-right loop (ROCAUC's trapezoids, the forests' aggregated predictions).
/// </summary>
internal static class NumpySum
{
    /// <summary>NumPy's <c>pairwise_sum</c> (8-way unrolled blocks of at most 128, halves beyond).</summary>
    public static double Pairwise(ReadOnlySpan<double> a)
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

        if (n <= 128)
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
        return Pairwise(a[..half]) + Pairwise(a[half..]);
    }
}
