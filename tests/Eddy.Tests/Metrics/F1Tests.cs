using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class F1Tests
{
    [Fact]
    public void Update_DocExample_Prints40Percent()
    {
        var metric = new F1();
        MetricFeed.Pairs(metric, [false, false, false, true, true, true], [false, false, true, true, false, false]);
        MetricAssert.Printed("F1: 40.00%", metric);
    }

    [Fact]
    public void Update_IntegerLabels_SameAsBooleans()
    {
        var booleans = new F1();
        var integers = new F1();
        MetricFeed.Pairs(booleans, [false, true, true, false], [true, true, false, false]);
        MetricFeed.Pairs(integers, [0, 1, 1, 0], [1, 1, 0, 0]);
        Assert.Equal(booleans.Value, integers.Value);
        Assert.Equal(0.5, integers.Value);
    }

    [Fact]
    public void Value_WeightedStream_BitsPinned()
    {
        var metric = new F1();
        MetricFeed.Pairs(metric, [true, false, true, true, false, true, false, true], [true, true, false, true, false, true, true, false], [1, 0.5, 2, 0.25, 3, 1.5, 0.75, 1]);
        Assert.Equal(0x3FE20D20D20D20D3L, BitConverter.DoubleToInt64Bits(metric.Value));
    }
}
