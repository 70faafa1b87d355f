using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class RmseTests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep()
    {
        var metric = new Rmse();
        MetricAssert.RegressionDocSteps(metric, "0.5", "0.5", "0.408248", "0.612372");
        MetricAssert.Printed("RMSE: 0.612372", metric);
    }
}
