using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class MacroF1Tests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep() =>
        MetricAssert.PrintedSteps(new MacroF1(), [0, 1, 2, 2, 2], [0, 0, 2, 2, 1], "100.00%", "33.33%", "55.56%", "55.56%", "48.89%");

    [Fact]
    public void Properties_Default_FollowRiver() => Assert.True(new MacroF1().IsPercentage);
}
