using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

/// <summary>The <see cref="Rolling"/> factories: River's <c>utils.Rolling</c> and <c>utils.TimeRolling</c>.</summary>
public sealed class RollingTests
{
    [Fact]
    public void Of_EachOverload_WrapsMetricWithItsWindow()
    {
        var accuracy = new Accuracy();
        var mae = new Mae();
        RollingClassificationMetric countClassification = Rolling.Of(accuracy, 3);
        RollingRegressionMetric countRegression = Rolling.Of(mae, 4);
        TimeRollingClassificationMetric timeClassification = Rolling.Of(accuracy, TimeSpan.FromSeconds(5));
        TimeRollingRegressionMetric timeRegression = Rolling.Of(mae, TimeSpan.FromSeconds(6));

        Assert.Same(accuracy, countClassification.Metric);
        Assert.Equal(3, countClassification.WindowSize);
        Assert.Same(mae, countRegression.Metric);
        Assert.Equal(4, countRegression.WindowSize);
        Assert.Same(accuracy, timeClassification.Metric);
        Assert.Equal(TimeSpan.FromSeconds(5), timeClassification.Period);
        Assert.Same(mae, timeRegression.Metric);
        Assert.Equal(TimeSpan.FromSeconds(6), timeRegression.Period);
    }
}
