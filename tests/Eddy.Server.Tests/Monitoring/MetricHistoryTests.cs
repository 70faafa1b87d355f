using Eddy.Server.Monitoring;

namespace Eddy.Server.Tests.Monitoring;

public sealed class MetricHistoryTests
{
    [Fact]
    public void Offer_ManyMorePointsThanCapacity_ThinsEvenlyAndKeepsTheWholeRun()
    {
        var history = new MetricHistory();
        for (long sequence = 1; sequence <= 100_000; sequence++)
        {
            history.Offer(new CurvePoint(sequence, DateTimeOffset.UnixEpoch, [sequence]));
        }

        CurvePoint[] points = history.Points();

        Assert.InRange(points.Length, MetricHistory.Capacity / 2, MetricHistory.Capacity - 1);
        Assert.True(points[0].Sequence <= history.Stride, "the curve still starts near the beginning");
        Assert.True(points[^1].Sequence > 100_000 - history.Stride, "the curve reaches the newest learns");
        for (int i = 1; i < points.Length; i++)
        {
            Assert.Equal(history.Stride, points[i].Sequence - points[i - 1].Sequence);
        }
    }

    [Fact]
    public void Offer_SameSequenceTwiceOrBehindTheStride_KeepsOne()
    {
        var history = new MetricHistory();

        Assert.True(history.Offer(new CurvePoint(5, DateTimeOffset.UnixEpoch, [0.5])));
        Assert.False(history.Offer(new CurvePoint(5, DateTimeOffset.UnixEpoch, [0.6])));
        Assert.True(history.Offer(new CurvePoint(7, DateTimeOffset.UnixEpoch, [0.7])));

        Assert.Equal([5L, 7L], history.Points().Select(p => p.Sequence));
    }
}
