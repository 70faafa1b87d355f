using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class R2Tests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep()
    {
        var metric = new R2();
        MetricAssert.RegressionDocSteps(metric, "0.0", "0.9183", "0.9230", "0.9486");
        Assert.True(metric.BiggerIsBetter);
    }

    [Fact]
    public void Properties_Default_FollowRiver() => Assert.True(new R2().BiggerIsBetter);
}
