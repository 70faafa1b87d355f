using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class AccuracyTests
{
    [Fact]
    public void Update_DocExample_Prints60Percent()
    {
        var metric = new Accuracy();
        MetricFeed.Pairs(metric, [true, false, true, true, true], [true, true, false, true, true]);
        MetricAssert.Printed("Accuracy: 60.00%", metric);
    }

    [Fact]
    public void Properties_Default_FollowRiver() => Assert.True(new Accuracy().RequiresLabels);
}
