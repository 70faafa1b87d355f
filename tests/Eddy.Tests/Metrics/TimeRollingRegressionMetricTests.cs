using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

/// <summary>Time windows over regression metrics: River's <c>utils.TimeRolling</c>.</summary>
public sealed class TimeRollingRegressionMetricTests
{
    private static readonly DateTimeOffset s_day0 = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_RiverDocExample_MeanOverThreeDays()
    {
        // River's example is a rolling mean of 1, 5, 9, 13 over 3 days: MAE of (x, 0) is that mean.
        TimeRollingRegressionMetric metric = Rolling.Of(new Mae(), TimeSpan.FromDays(3));
        double[] x = [1, 5, 9, 13];
        double[] expected = [1.0, 3.0, 5.0, 9.0];
        for (int i = 0; i < x.Length; i++)
        {
            metric.Update(x[i], 0, s_day0.AddDays(i));
            Assert.Equal(expected[i], metric.Value);
        }

        Assert.Equal(3, metric.Count);
    }

    [Fact]
    public void Update_LateUpdate_InsertedAndRevertedWhenExpired()
    {
        var metric = new TimeRollingRegressionMetric(new Mae(), TimeSpan.FromDays(3));
        metric.Update(10, 0, s_day0.AddDays(5));
        metric.Update(2, 0, s_day0.AddDays(1)); // older than the window, kept until a newer update arrives
        Assert.Equal(6, metric.Value);
        metric.Update(4, 0, s_day0.AddDays(6));
        Assert.Equal(7, metric.Value); // day 1 reverted; days 5 and 6 remain
        Assert.Equal(2, metric.Count);
    }
}
