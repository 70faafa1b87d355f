using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class RecallTests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep() =>
        MetricAssert.PrintedSteps(new Recall(), [true, false, true, true, true], [true, true, false, true, true], "100.00%", "100.00%", "50.00%", "66.67%", "75.00%");
}
