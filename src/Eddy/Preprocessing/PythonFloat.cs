using System.Globalization;

namespace Eddy.Preprocessing;

/// <summary>
/// Python's <c>repr(float)</c> (and <c>str</c>, the same since Python 3.2): the shortest digits that round-trip,
/// fixed notation for decimal exponents in [-4, 16), scientific otherwise, and always a ".0" on integral values.
/// Encoders name features <c>f"{name}_{value}"</c>, so they must print numbers exactly as River's f-strings do.
/// </summary>
internal static class PythonFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0.0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // .NET's "R" gives the same shortest round-trip digits as Python's dtoa; only the layout differs.
        string text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOf('E', StringComparison.Ordinal);
        string mantissa = e < 0 ? text : text[..e];
        int exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        int decimalPoint = (point < 0 ? mantissa.Length : point) + exponent;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..].TrimEnd('0');
        decimalPoint -= lead;

        // value = 0.<digits> × 10^decimalPoint; Python switches to scientific when decimalPoint ∉ (-4, 16].
        string body;
        if (decimalPoint <= -4 || decimalPoint > 16)
        {
            int scientific = decimalPoint - 1;
            string fraction = digits.Length > 1 ? "." + digits[1..] : string.Empty;
            body = string.Concat(
                digits[..1],
                fraction,
                scientific < 0 ? "e-" : "e+",
                Math.Abs(scientific).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decimalPoint <= 0)
        {
            body = "0." + new string('0', -decimalPoint) + digits;
        }
        else if (decimalPoint >= digits.Length)
        {
            body = digits + new string('0', decimalPoint - digits.Length) + ".0";
        }
        else
        {
            body = digits[..decimalPoint] + "." + digits[decimalPoint..];
        }

        return value < 0 ? "-" + body : body;
    }
}
