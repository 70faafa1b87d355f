namespace Eddy.Utils;

/// <summary>
/// Python's built-in <c>sum</c> over floats. Since CPython 3.12 it adds with Neumaier's compensation (a running
/// error term added back at the end), so its result can differ in the last bit from a plain left-to-right sum;
/// River's generators call <c>sum(weights)</c>, and this reproduces it.
/// </summary>
internal static class PythonSum
{
    public static double Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return 0.0;
        }

        double sum = values[0];
        double compensation = 0.0;
        for (int i = 1; i < values.Length; i++)
        {
            double x = values[i];
            double t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        // CPython adds the compensation only when it is non-zero and finite (keeps -0.0 and infinities intact).
        return compensation != 0.0 && double.IsFinite(compensation) ? sum + compensation : sum;
    }
}
