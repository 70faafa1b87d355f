using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Tests.Metrics;

/// <summary>Count windows over regression metrics: River's <c>utils.Rolling</c>.</summary>
public sealed class RollingRegressionMetricTests
{
    [Fact]
    public void Update_MseWindow2_PrintsRiverValues()
    {
        RollingRegressionMetric metric = Rolling.Of(new Mse(), 2);
        double[] expected = [0.25, 0.25, 0.125, 0.5];
        for (int i = 0; i < expected.Length; i++)
        {
            metric.Update(MetricAssert.RegressionDocTrue[i], MetricAssert.RegressionDocPred[i]);
            Assert.Equal(expected[i], metric.Value, 1e-12);
        }

        Assert.Equal("MSE", metric.Name);
    }

    [Theory]
    [InlineData("MAE")]
    [InlineData("RMSE")]
    [InlineData("R2")]
    public void Update_MeanMetric_EqualsFreshMetricOverLastN(string name) =>
        MetricAssert.RollingMatchesFreshOverLastN(Rolling.Of((RegressionMetric)MetricFeed.Create(name), 5), name, 5);

    [Fact]
    public void ReadState_WrongWindowSize_Refused()
    {
        var metric = new RollingRegressionMetric(new Mae(), 3);
        metric.Update(1, 2);
        var other = new RollingRegressionMetric(new Mae(), 4);
        Assert.Throws<SnapshotFormatException>(() => other.ReadState(new StateReader(metric.SerializeState())));
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var mae = new RollingRegressionMetric(new Mae(), 16);
        for (int i = 0; i < 64; i++)
        {
            mae.Update(i, i + 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            mae.Update(i, i + 1);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Constructor_WindowZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingRegressionMetric(new Mae(), 0));

    [Fact]
    public void WriteState_FixedUpdates_BytesPinned()
    {
        // Window 3 after 5 updates: the ring has wrapped, so the saved order is not the slot order.
        var metric = new RollingRegressionMetric(new Mae(), 3);
        metric.Update(1.5, 2, 1);
        metric.Update(3, -1, 2);
        metric.Update(0.25, 0.5, 0.5);
        metric.Update(7, 6.5, 1);
        metric.Update(2, 2.75, 3);
        StatePin.Bytes(
            "17000000526F6C6C696E6752656772657373696F6E4D6574726963010300000003000000000000000000D03F00000000"
            + "0000E03F000000000000E03F0000000000001C400000000000001A40000000000000F03F000000000000004000000000"
            + "000006400000000000000840030000004D41450100000000000012401DC7711CC771E43F",
            metric);
    }
}
