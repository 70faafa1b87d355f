using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class MccTests
{
    [Fact]
    public void Update_DocExample_PrintsMinusOneThird()
    {
        var metric = new Mcc();
        MetricFeed.Pairs(metric, [true, true, true, false], [true, false, true, true]);
        MetricAssert.Number("-0.333333", metric.Value);
        MetricAssert.Printed("MCC: -0.333333", metric);
    }

    [Fact]
    public void Properties_Default_FollowRiver() => Assert.False(new Mcc().IsPercentage);
}
