using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class MseTests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep() => MetricAssert.RegressionDocSteps(new Mse(), "0.25", "0.25", "0.1666", "0.375");
}
