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
}
