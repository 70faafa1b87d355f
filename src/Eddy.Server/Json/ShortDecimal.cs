namespace Eddy.Server.Json;

/// <summary>
/// Converts the short JSON numbers examples are made of (<c>0.5</c>, <c>-12.25</c>, <c>3e-4</c>) to doubles without the
/// general parser: when the digits form an integer below 2^53 and the power of ten is at most 10^22, both are exact
/// doubles and one IEEE multiplication or division rounds correctly (Clinger's fast path), so the result is the same
/// double <c>Utf8JsonReader.TryGetDouble</c> gives. Longer numbers return false and take the general path.
/// </summary>
internal static class ShortDecimal
{
    private const int MaxDigits = 15;

    private static readonly double[] s_powersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Converts a token the JSON reader already validated as a number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> number, out double value)
    {
        value = 0;
        int at = 0;
        bool negative = number.Length > 0 && number[0] == (byte)'-';
        if (negative)
        {
            at++;
        }

        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        bool fraction = false;
        for (; at < number.Length; at++)
        {
            byte c = number[at];
            if (c == (byte)'.')
            {
                fraction = true;
                continue;
            }

            if (c is < (byte)'0' or > (byte)'9')
            {
                break;
            }

            // Leading zeros are not significant digits.
            if (mantissa != 0 || c != (byte)'0')
            {
                if (++digits > MaxDigits)
                {
                    return false;
                }
            }

            mantissa = (mantissa * 10) + (c - '0');
            if (fraction)
            {
                scale--;
            }
        }

        if (at < number.Length)
        {
            // An exponent: e or E, an optional sign, digits.
            at++;
            bool negativeExponent = at < number.Length && number[at] == (byte)'-';
            if (at < number.Length && number[at] is (byte)'-' or (byte)'+')
            {
                at++;
            }

            int exponent = 0;
            for (; at < number.Length; at++)
            {
                exponent = (exponent * 10) + (number[at] - '0');
                if (exponent > 400)
                {
                    return false;
                }
            }

            scale += negativeExponent ? -exponent : exponent;
        }

        double result = mantissa;
        if (scale < 0)
        {
            if (-scale >= s_powersOfTen.Length)
            {
                return false;
            }

            result /= s_powersOfTen[-scale];
        }
        else if (scale > 0)
        {
            if (scale >= s_powersOfTen.Length)
            {
                return false;
            }

            result *= s_powersOfTen[scale];
        }

        value = negative ? -result : result;
        return true;
    }
}
