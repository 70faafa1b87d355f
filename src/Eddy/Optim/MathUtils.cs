namespace Eddy.Optim;

/// <summary>River's <c>utils.math</c> helpers, with River's exact cut-offs (parity depends on them).</summary>
public static class MathUtils
{
    /// <summary>River's sigmoid: exactly 0 below −30, exactly 1 above 30.</summary>
    public static double Sigmoid(double x)
    {
        if (x < -30)
        {
            return 0.0;
        }

        if (x > 30)
        {
            return 1.0;
        }

        return 1.0 / (1.0 + Math.Exp(-x));
    }

    /// <summary>River's <c>clamp(x, minimum, maximum)</c> = <c>max(min(x, maximum), minimum)</c>.</summary>
    public static double Clamp(double x, double minimum, double maximum) => Math.Max(Math.Min(x, maximum), minimum);

    /// <summary>River's <c>safe_div</c>: a / b, or 0 when b is 0.</summary>
    public static double SafeDivide(double a, double b) => b == 0 ? 0.0 : a / b;
}
