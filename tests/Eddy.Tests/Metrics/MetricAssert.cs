using System.Globalization;
using Eddy.Base;
using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

/// <summary>Doctest-style comparisons: River's printed numbers, to the precision printed.</summary>
internal static class MetricAssert
{
    /// <summary>River's regression docstring data (<c>y_true = [3, -0.5, 2, 7]</c>, <c>y_pred = [2.5, 0.0, 2, 8]</c>).</summary>
    public static readonly double[] RegressionDocTrue = [3, -0.5, 2, 7];

    public static readonly double[] RegressionDocPred = [2.5, 0.0, 2, 8];

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

    /// <summary>Updates with each pair and compares River's repr after every step.</summary>
    public static void PrintedSteps(ClassificationMetric metric, Label[] yTrue, Label[] yPred, params string[] printed)
    {
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], yPred[i]);
            Assert.Equal($"{metric.Name}: {printed[i]}", metric.ToString());
        }
    }

    /// <summary>Updates with River's regression docstring data and compares the value printed after every step.</summary>
    public static void RegressionDocSteps(RegressionMetric metric, params string[] printed)
    {
        for (int i = 0; i < RegressionDocTrue.Length; i++)
        {
            metric.Update(RegressionDocTrue[i], RegressionDocPred[i]);
            Number(printed[i], metric.Value);
        }
    }

    /// <summary>
    /// Feeds <paramref name="rolling"/> a seeded stream one example at a time, and after each compares its value with a
    /// fresh metric fed only the last <paramref name="window"/> examples.
    /// </summary>
    public static void RollingMatchesFreshOverLastN(Metric rolling, string name, int window)
    {
        for (int i = 1; i <= 40; i++)
        {
            MetricFeed.Any(rolling, 1, seed: 100 + i);
            Metric fresh = MetricFeed.Create(name);
            for (int k = Math.Max(1, i - window + 1); k <= i; k++)
            {
                MetricFeed.Any(fresh, 1, seed: 100 + k);
            }

            Assert.Equal(fresh.Value, rolling.Value, 1e-9);
        }
    }
}
