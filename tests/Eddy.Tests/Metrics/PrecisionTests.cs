using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class PrecisionTests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep() =>
        MetricAssert.PrintedSteps(new Precision(), [true, false, true, true, true], [true, true, false, true, true], "100.00%", "50.00%", "50.00%", "66.67%", "75.00%");

    [Fact]
    public void Value_TextPosVal_CountsThatClassAsPositive()
    {
        var metric = new Precision("yes");
        MetricFeed.Pairs(metric, ["yes", "no", "yes"], ["yes", "yes", "no"]);
        Assert.Equal(0.5, metric.Value);
    }
}
