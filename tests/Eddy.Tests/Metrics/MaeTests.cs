using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class MaeTests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep() => MetricAssert.RegressionDocSteps(new Mae(), "0.5", "0.5", "0.333", "0.5");

    [Fact]
    public void UpdateThenRevert_DyadicValues_StateBytesUnchanged()
    {
        var metric = new Mae();
        metric.Update(1, 0);
        metric.Update(3, 0);
        byte[] before = metric.SerializeState();
        metric.Update(5, 0);
        metric.Revert(5, 0);
        Assert.Equal(before, metric.SerializeState());
    }

    [Fact]
    public void Properties_Default_FollowRiver() => Assert.False(new Mae().BiggerIsBetter);
}
