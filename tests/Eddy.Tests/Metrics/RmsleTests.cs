using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class RmsleTests
{
    [Fact]
    public void Update_DocExample_Prints0Point357826()
    {
        var metric = new Rmsle();
        MetricFeed.Pairs(metric, MetricAssert.RegressionDocTrue, MetricAssert.RegressionDocPred);
        MetricAssert.Printed("RMSLE: 0.357826", metric);
    }

    [Fact]
    public void Update_ValueAtMinusOne_ThrowsAndChangesNothing()
    {
        var metric = new Rmsle();
        metric.Update(1, 2);
        byte[] before = metric.SerializeState();
        Assert.Throws<ArgumentOutOfRangeException>(() => metric.Update(-1, 2));
        Assert.Equal(before, metric.SerializeState());
    }
}
