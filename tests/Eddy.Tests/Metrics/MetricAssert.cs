using System.Globalization;
using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

/// <summary>Doctest-style comparisons: River's printed numbers, to the precision printed.</summary>
internal static class MetricAssert
{
    /// <summary>pytest's NUMBER rule: equal to within 10^-(decimals written).</summary>
    public static void Number(string printed, double actual)
    {
        double expected = double.Parse(printed, CultureInfo.InvariantCulture);
        int dot = printed.IndexOf('.', StringComparison.Ordinal);
        int decimals = dot < 0 ? 0 : printed.Length - dot - 1;
        double tolerance = Math.Pow(10, -decimals);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {printed}, got {actual:R}");
    }

    /// <summary>River's repr, e.g. <c>F1: 40.00%</c>.</summary>
    public static void Printed(string printed, Metric metric) => Assert.Equal(printed, metric.ToString());
}
