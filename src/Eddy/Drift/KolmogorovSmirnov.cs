namespace Eddy.Drift;

/// <summary>
/// SciPy's <c>stats.ks_2samp(a, b, method="auto")</c> for two samples of the same size (what KSWIN compares):
/// the statistic D and SciPy's exact two-sided p-value, computed in SciPy's order of operations.
/// </summary>
internal static class KolmogorovSmirnov
{
    /// <summary>SciPy switches from the exact to the asymptotic distribution above this size.</summary>
    public const int MaxExactSize = 10000;

    /// <summary>Sorts both samples in place and returns (D, p-value).</summary>
    public static (double Statistic, double PValue) TwoSample(Span<double> a, Span<double> b)
    {
        int n = a.Length;
        a.Sort();
        b.Sort();
        double minDiff = double.PositiveInfinity;
        double maxDiff = double.NegativeInfinity;
        Accumulate(a, a, b, ref minDiff, ref maxDiff);
        Accumulate(b, a, b, ref minDiff, ref maxDiff);
        double minS = Math.Clamp(-minDiff, 0.0, 1.0);
        double d = minS > maxDiff ? minS : maxDiff;

        // SciPy snaps D to the lattice h / lcm(n, n) = h / n before the exact computation.
        int h = (int)Math.Round(d * n, MidpointRounding.ToEven);
        d = h * 1.0 / n;
        if (h == 0)
        {
            return (d, 1.0);
        }

        // Where the formula rounds above 1 (h = 1, a p-value of exactly 1), SciPy falls back to the asymptotic
        // distribution, which gives 1 there too; clipping gives the same decision without a special function.
        double p = ProbabilityOutsideSquare(n, h);
        return (d, Math.Clamp(p, 0.0, 1.0));
    }

    private static void Accumulate(ReadOnlySpan<double> values, ReadOnlySpan<double> a, ReadOnlySpan<double> b, ref double min, ref double max)
    {
        int n = a.Length;
        for (int i = 0; i < values.Length; i++)
        {
            // NumPy's searchsorted(side="right") divided by the sample size, per sample, then subtracted.
            double diff = ((double)UpperBound(a, values[i]) / n) - ((double)UpperBound(b, values[i]) / n);
            if (diff < min)
            {
                min = diff;
            }

            if (diff > max)
            {
                max = diff;
            }
        }
    }

    /// <summary>How many of the sorted values are ≤ <paramref name="value"/>.</summary>
    private static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>SciPy's <c>_compute_prob_outside_square(n, h)</c>: P(D_{n,n} ≥ h/n), Horner-like to avoid cancellation.</summary>
    internal static double ProbabilityOutsideSquare(int n, int h)
    {
        double p = 0.0;
        int k = (int)Math.Floor((double)n / h);
        while (k >= 0)
        {
            double p1 = 1.0;
            for (int j = 0; j < h; j++)
            {
                p1 = (double)(n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
            k--;
        }

        return 2 * p;
    }
}
