using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class WeightedF1Tests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep() =>
        MetricAssert.PrintedSteps(new WeightedF1(), [0, 1, 2, 2, 2], [0, 0, 2, 2, 1], "100.00%", "33.33%", "55.56%", "66.67%", "61.33%");

    [Fact]
    public void Value_WeightedStream_BitsPinned()
    {
        var metric = new WeightedF1();
        MetricFeed.Pairs(metric, [0, 1, 2, 2, 2, 1, 0, 3], [0, 0, 2, 2, 1, 1, 2, 3], [1, 0.5, 2, 0.25, 3, 1.5, 0.75, 1]);
        Assert.Equal(0x3FE2C37DAC37DAC3L, BitConverter.DoubleToInt64Bits(metric.Value));
    }
}
