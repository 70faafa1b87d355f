using Eddy.Base;
using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class RocAucTests
{
    [Theory]
    [InlineData(10, "ROCAUC: 87.50%")]
    [InlineData(20, "ROCAUC: 75.00%")]
    public void Update_DocExample_PrintsRiverApproximation(int nThresholds, string printed)
    {
        var metric = new RocAuc(nThresholds);
        Label[] yTrue = [0, 0, 1, 1];
        double[] pTrue = [.1, .4, .35, .8];
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], MetricFeed.Binary(pTrue[i]));
        }

        MetricAssert.Printed(printed, metric);
    }

    [Fact]
    public void Update_NoProbabilities_ThrowsAndNamesMetric()
    {
        var metric = new RocAuc();
        ArgumentException error = Assert.Throws<ArgumentException>(() => metric.Update(true, true));
        Assert.Contains("ROCAUC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_Default_FollowRiver()
    {
        Assert.True(new RocAuc().IsPercentage);
        Assert.False(new RocAuc().RequiresLabels);
    }
}
