using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class CohenKappaTests
{
    [Fact]
    public void Update_DocExample_Prints42Point86Percent()
    {
        var metric = new CohenKappa();
        MetricFeed.Pairs(metric, ["cat", "ant", "cat", "cat", "ant", "bird"], ["ant", "ant", "cat", "cat", "ant", "cat"]);
        MetricAssert.Printed("CohenKappa: 42.86%", metric);
    }
}
