using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class SmapeTests
{
    [Fact]
    public void Update_DocExample_Prints37Point869392()
    {
        var metric = new Smape();
        MetricFeed.Pairs(
            metric,
            [0, 0.07533, 0.07533, 0.07533, 0.07533, 0.07533, 0.07533, 0.0672, 0.0672],
            [0, 0.102, 0.107, 0.047, 0.1, 0.032, 0.047, 0.108, 0.089]);
        MetricAssert.Printed("SMAPE: 37.869392", metric);
    }
}
