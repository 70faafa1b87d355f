namespace Eddy.Neighbors;

/// <summary>
/// Python's <c>statistics.mean</c> and <c>statistics.median</c> on a few floats. <c>mean</c> sums exactly (as
/// fractions) and rounds once, so a plain running sum would differ in the last bits; this keeps the exact sum as a
/// floating-point expansion instead.
/// </summary>
internal static class PythonStatistics
{
    private const int StackLimit = 64;

    /// <summary>The exact mean, rounded once (bar a tie on a rounding midpoint, which the correction step can miss).</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        Span<double> partials = n + 2 <= StackLimit ? stackalloc double[StackLimit] : new double[n + 2];
        int count = 0;
        foreach (double value in values)
        {
            count = Grow(partials, count, value);
        }

        double quotient = Sum(partials[..count]) / n;
        if (!double.IsFinite(quotient))
        {
            return quotient;
        }

        // The residual Σ − q·n is exact as an expansion (the product splits exactly with a fused multiply-add).
        double high = quotient * n;
        double low = Math.FusedMultiplyAdd(quotient, n, -high);
        count = Grow(partials, count, -high);
        count = Grow(partials, count, -low);
        return quotient + (Sum(partials[..count]) / n);
    }

    /// <summary>The middle value, or the mean of the two middle values (in floating point, as Python does).</summary>
    public static double Median(Span<double> values)
    {
        values.Sort();
        int n = values.Length;
        int middle = n / 2;
        return n % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>Shewchuk's GROW-EXPANSION (as in <c>math.fsum</c>): adds <paramref name="value"/> exactly.</summary>
    private static int Grow(Span<double> partials, int count, double value)
    {
        int kept = 0;
        double x = value;
        for (int i = 0; i < count; i++)
        {
            double y = partials[i];
            if (Math.Abs(x) < Math.Abs(y))
            {
                (x, y) = (y, x);
            }

            double high = x + y;
            double low = y - (high - x);
            if (low != 0.0)
            {
                partials[kept++] = low;
            }

            x = high;
        }

        partials[kept++] = x;
        return kept;
    }

    private static double Sum(ReadOnlySpan<double> partials)
    {
        double sum = 0.0;
        for (int i = partials.Length - 1; i >= 0; i--)
        {
            sum += partials[i];
        }

        return sum;
    }
}
