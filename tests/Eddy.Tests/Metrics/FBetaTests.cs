using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class FBetaTests
{
    [Fact]
    public void Update_Beta2DocExample_Prints35Point71Percent()
    {
        var metric = new FBeta(2);
        MetricFeed.Pairs(metric, [false, false, false, true, true, true], [false, false, true, true, false, false]);
        MetricAssert.Printed("FBeta: 35.71%", metric);
    }

    [Fact]
    public void Value_WeightedStream_BitsPinned()
    {
        var metric = new FBeta(0.5);
        MetricFeed.Pairs(metric, [true, false, true, true, false, true, false, true], [true, true, false, true, false, true, true, false], [1, 0.5, 2, 0.25, 3, 1.5, 0.75, 1]);
        Assert.Equal(0x3FE43AD9BF43AD9CL, BitConverter.DoubleToInt64Bits(metric.Value));
    }
}
