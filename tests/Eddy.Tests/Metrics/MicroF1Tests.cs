using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class MicroF1Tests
{
    [Fact]
    public void Update_DocExample_Prints60Percent()
    {
        var metric = new MicroF1();
        MetricFeed.Pairs(metric, [0, 1, 2, 2, 0], [0, 1, 1, 2, 1]);
        MetricAssert.Printed("MicroF1: 60.00%", metric);
    }

    [Fact]
    public void Value_WeightedStream_BitsPinned()
    {
        var metric = new MicroF1();
        MetricFeed.Pairs(metric, [0, 1, 2, 2, 2, 1, 0, 3], [0, 0, 2, 2, 1, 1, 2, 3], [1, 0.5, 2, 0.25, 3, 1.5, 0.75, 1]);
        Assert.Equal(0x3FE2666666666666L, BitConverter.DoubleToInt64Bits(metric.Value));
    }
}
