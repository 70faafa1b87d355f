using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class WeightedF1Tests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep() =>
        MetricAssert.PrintedSteps(new WeightedF1(), [0, 1, 2, 2, 2], [0, 0, 2, 2, 1], "100.00%", "33.33%", "55.56%", "66.67%", "61.33%");
}
