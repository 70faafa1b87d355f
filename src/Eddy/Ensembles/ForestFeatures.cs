using System.Globalization;

namespace Eddy.Ensembles;

/// <summary>River's <c>BaseForest._set_max_features</c>: how many features each ARF leaf watches.</summary>
internal static class ForestFeatures
{
    /// <summary>Accepts "sqrt", "log2", an integer, a fraction in (0, 1] or null (every feature).</summary>
    public static void Validate(string? maxFeatures, string paramName)
    {
        if (maxFeatures is null or "sqrt" or "log2")
        {
            return;
        }

        if (int.TryParse(maxFeatures, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return;
        }

        if (double.TryParse(maxFeatures, NumberStyles.Float, CultureInfo.InvariantCulture, out double fraction) && fraction > 0 && fraction <= 1)
        {
            return;
        }

        throw new ArgumentOutOfRangeException(paramName, maxFeatures, "Valid options: an integer, a fraction in (0, 1], sqrt, log2 or null.");
    }

    public static int Resolve(string? maxFeatures, int featureCount)
    {
        double m = maxFeatures switch
        {
            null => featureCount,
            "sqrt" => Math.Round(Math.Sqrt(featureCount), MidpointRounding.ToEven),
            "log2" => featureCount == 0 ? 0 : Math.Round(Math.Log2(featureCount), MidpointRounding.ToEven),
            _ when int.TryParse(maxFeatures, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count) => count,
            _ => Math.Truncate(double.Parse(maxFeatures, NumberStyles.Float, CultureInfo.InvariantCulture) * featureCount),
        };
        if (m < 0)
        {
            m += featureCount;
        }

        if (m <= 0)
        {
            m = 1;
        }

        return (int)Math.Min(m, Math.Max(featureCount, 1));
    }

    public static string Repr(string? maxFeatures) => maxFeatures switch
    {
        null => "None",
        "sqrt" or "log2" => $"'{maxFeatures}'",
        _ => maxFeatures,
    };
}
