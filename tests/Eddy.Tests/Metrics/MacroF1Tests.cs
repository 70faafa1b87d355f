using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class MacroF1Tests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep() =>
        MetricAssert.PrintedSteps(new MacroF1(), [0, 1, 2, 2, 2], [0, 0, 2, 2, 1], "100.00%", "33.33%", "55.56%", "55.56%", "48.89%");

    [Fact]
    public void Properties_Default_FollowRiver() => Assert.True(new MacroF1().IsPercentage);

    [Fact]
    public void Value_WeightedStream_BitsPinned()
    {
        var metric = new MacroF1();
        MetricFeed.Pairs(metric, [0, 1, 2, 2, 2, 1, 0, 3], [0, 0, 2, 2, 1, 1, 2, 3], [1, 0.5, 2, 0.25, 3, 1.5, 0.75, 1]);
        Assert.Equal(0x3FE4FAA11E6EFE36L, BitConverter.DoubleToInt64Bits(metric.Value));
    }
}
