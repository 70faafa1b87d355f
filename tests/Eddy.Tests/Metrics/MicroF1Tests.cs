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
}
