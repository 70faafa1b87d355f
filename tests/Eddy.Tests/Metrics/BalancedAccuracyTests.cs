using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class BalancedAccuracyTests
{
    [Fact]
    public void Update_BothDocExamples_Print62Point5Percent()
    {
        var booleans = new BalancedAccuracy();
        MetricFeed.Pairs(booleans, [true, false, true, true, false, true], [true, false, true, true, true, false]);
        MetricAssert.Printed("BalancedAccuracy: 62.50%", booleans);

        var integers = new BalancedAccuracy();
        MetricFeed.Pairs(integers, [0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]);
        MetricAssert.Printed("BalancedAccuracy: 62.50%", integers);
    }
}
