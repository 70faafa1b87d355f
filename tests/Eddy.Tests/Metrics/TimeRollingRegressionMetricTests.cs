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

    [Fact]
    public void WriteState_FixedUpdates_BytesPinned()
    {
        // Late updates are inserted in time order; the last one expires everything at or before t − 3 s.
        var metric = new TimeRollingRegressionMetric(new Mse(), TimeSpan.FromSeconds(3));
        metric.Update(1, 2, s_day0.AddSeconds(5));
        metric.Update(3, 1, s_day0.AddSeconds(1), 2);
        metric.Update(0.5, 0.25, s_day0.AddSeconds(6));
        metric.Update(4, 4.5, s_day0.AddSeconds(6), 0.5);
        metric.Update(2, 7, s_day0.AddSeconds(4));
        metric.Update(6, 5, s_day0.AddSeconds(8), 1.5);
        StatePin.Bytes(
            "1B00000054696D65526F6C6C696E6752656772657373696F6E4D65747269630100F479177C6FD6080300000000C74816"
            + "7C6FD60800000000000010400000000000001240000000000000E03F00C748167C6FD608000000000000E03F00000000"
            + "0000D03F000000000000F03F00F479177C6FD60800000000000018400000000000001440000000000000F83F03000000"
            + "4D5345010000000000000840000000000000E23F",
            metric);
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        // Ten updates a minute with a one-minute period: once the buffer has grown, the window only turns over.
        var metric = new TimeRollingRegressionMetric(new Mae(), TimeSpan.FromMinutes(1));
        for (int i = 0; i < 64; i++)
        {
            metric.Update(i, i + 1, s_day0.AddSeconds(i * 6));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 64; i < 1064; i++)
        {
            metric.Update(i, i + 1, s_day0.AddSeconds((i * 6) - (i % 3)));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
