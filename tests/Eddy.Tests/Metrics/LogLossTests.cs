using Eddy.Base;

namespace Eddy.Tests.Metrics;

/// <summary>The metric <see cref="Eddy.Metrics.LogLoss"/> (the loss of the same name lives in Optim.Losses).</summary>
public sealed class LogLossTests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep()
    {
        var metric = new Eddy.Metrics.LogLoss();
        Label[] yTrue = [true, false, false, true];
        double[] pTrue = [0.9, 0.1, 0.2, 0.65];
        string[] printed = ["0.105360", "0.105360", "0.144621", "0.216161"];
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], MetricFeed.Binary(pTrue[i]));
            MetricAssert.Number(printed[i], metric.Value);
        }

        MetricAssert.Printed("LogLoss: 0.216162", metric);
        Assert.False(metric.RequiresLabels);
        Assert.False(metric.BiggerIsBetter);
    }

    [Fact]
    public void Update_CertainWrongPrediction_IsClampedAt1e15()
    {
        var metric = new Eddy.Metrics.LogLoss();
        metric.Update(true, MetricFeed.Binary(0.0));
        Assert.Equal(-Math.Log(1e-15), metric.Value);
    }

    [Fact]
    public void Properties_Default_FollowRiver() => Assert.False(new Eddy.Metrics.LogLoss().IsPercentage);
}
