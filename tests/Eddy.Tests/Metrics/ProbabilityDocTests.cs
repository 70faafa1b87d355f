using Eddy.Base;
using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

/// <summary>River's docstring examples for ROCAUC, LogLoss and CrossEntropy.</summary>
public sealed class ProbabilityDocTests
{
    [Theory]
    [InlineData(10, "ROCAUC: 87.50%")]
    [InlineData(20, "ROCAUC: 75.00%")]
    public void RocAuc_DocExample_PrintsRiverApproximation(int nThresholds, string printed)
    {
        var metric = new RocAuc(nThresholds);
        Label[] yTrue = [0, 0, 1, 1];
        double[] pTrue = [.1, .4, .35, .8];
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], Binary(pTrue[i]));
        }

        MetricAssert.Printed(printed, metric);
    }

    [Fact]
    public void RocAuc_NoProbabilities_ThrowsAndNamesMetric()
    {
        var metric = new RocAuc();
        ArgumentException error = Assert.Throws<ArgumentException>(() => metric.Update(true, true));
        Assert.Contains("ROCAUC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogLoss_DocExample_PrintsEachStep()
    {
        var metric = new Eddy.Metrics.LogLoss();
        Label[] yTrue = [true, false, false, true];
        double[] pTrue = [0.9, 0.1, 0.2, 0.65];
        string[] printed = ["0.105360", "0.105360", "0.144621", "0.216161"];
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], Binary(pTrue[i]));
            MetricAssert.Number(printed[i], metric.Value);
        }

        MetricAssert.Printed("LogLoss: 0.216162", metric);
        Assert.False(metric.RequiresLabels);
        Assert.False(metric.BiggerIsBetter);
    }

    [Fact]
    public void LogLoss_CertainWrongPrediction_IsClampedAt1e15()
    {
        var metric = new Eddy.Metrics.LogLoss();
        metric.Update(true, Binary(0.0));
        Assert.Equal(-Math.Log(1e-15), metric.Value);
    }

    [Fact]
    public void CrossEntropy_DocExample_PrintsEachStep()
    {
        var metric = new CrossEntropy();
        Label[] yTrue = [0, 1, 2, 2];
        double[][] probabilities =
        [
            [0.29450637, 0.34216758, 0.36332605],
            [0.21290077, 0.32728332, 0.45981591],
            [0.42860913, 0.33380113, 0.23758974],
            [0.44941979, 0.32962558, 0.22095463],
        ];
        string[] printed = ["1.222454", "1.169691", "1.258864", "1.321597"];
        var p = new ClassProbabilities();
        for (int i = 0; i < yTrue.Length; i++)
        {
            p.Clear();
            for (int c = 0; c < 3; c++)
            {
                p.Add(c, probabilities[i][c]);
            }

            metric.Update(yTrue[i], new ClassificationPrediction(p.ArgMax(), p));
            MetricAssert.Number(printed[i], metric.Value);
        }

        MetricAssert.Printed("CrossEntropy: 1.321598", metric);
    }

    internal static ClassificationPrediction Binary(double pTrue)
    {
        var p = new ClassProbabilities();
        p.SetBinary(pTrue);
        return new ClassificationPrediction(p.ArgMax(), p);
    }
}
