using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

/// <summary>River's docstring examples for the regression metrics.</summary>
public sealed class RegressionDocTests
{
    private static readonly double[] s_true = [3, -0.5, 2, 7];
    private static readonly double[] s_pred = [2.5, 0.0, 2, 8];

    [Fact]
    public void Mae_DocExample_PrintsEachStep() => AssertSteps(new Mae(), "0.5", "0.5", "0.333", "0.5");

    [Fact]
    public void Mse_DocExample_PrintsEachStep() => AssertSteps(new Mse(), "0.25", "0.25", "0.1666", "0.375");

    [Fact]
    public void Rmse_DocExample_PrintsEachStep()
    {
        var metric = new Rmse();
        AssertSteps(metric, "0.5", "0.5", "0.408248", "0.612372");
        MetricAssert.Printed("RMSE: 0.612372", metric);
    }

    [Fact]
    public void Rmsle_DocExample_Prints0Point357826()
    {
        var metric = new Rmsle();
        Feed(metric, s_true, s_pred);
        MetricAssert.Printed("RMSLE: 0.357826", metric);
    }

    [Fact]
    public void Rmsle_ValueAtMinusOne_ThrowsAndChangesNothing()
    {
        var metric = new Rmsle();
        metric.Update(1, 2);
        byte[] before = metric.SerializeState();
        Assert.Throws<ArgumentOutOfRangeException>(() => metric.Update(-1, 2));
        Assert.Equal(before, metric.SerializeState());
    }

    [Fact]
    public void R2_DocExample_PrintsEachStep()
    {
        var metric = new R2();
        AssertSteps(metric, "0.0", "0.9183", "0.9230", "0.9486");
        Assert.True(metric.BiggerIsBetter);
    }

    [Fact]
    public void Smape_DocExample_Prints37Point869392()
    {
        var metric = new Smape();
        Feed(
            metric,
            [0, 0.07533, 0.07533, 0.07533, 0.07533, 0.07533, 0.07533, 0.0672, 0.0672],
            [0, 0.102, 0.107, 0.047, 0.1, 0.032, 0.047, 0.108, 0.089]);
        MetricAssert.Printed("SMAPE: 37.869392", metric);
    }

    internal static void Feed(RegressionMetric metric, double[] yTrue, double[] yPred)
    {
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], yPred[i]);
        }
    }

    private static void AssertSteps(RegressionMetric metric, params string[] printed)
    {
        for (int i = 0; i < s_true.Length; i++)
        {
            metric.Update(s_true[i], s_pred[i]);
            MetricAssert.Number(printed[i], metric.Value);
        }
    }
}
