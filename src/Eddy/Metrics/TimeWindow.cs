using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// The window of <see cref="TimeRollingClassificationMetric"/> and <see cref="TimeRollingRegressionMetric"/>: updates in
/// time order (a late one goes before those with the same or a later time, Python's <c>bisect_left</c>). Only an update
/// newer than every earlier one moves the window: those at or before <c>t − period</c> are then reverted, oldest first.
/// Its saved form is the latest time, the count, then (ticks, example) pairs, oldest first.
/// </summary>
/// <remarks>The buffer grows only when more updates fall within one period than ever before.</remarks>
internal sealed class TimeWindow<TExample, TMetric>
    where TExample : struct, IWindowExample<TExample, TMetric>
    where TMetric : Metric
{
    private readonly WindowRing<Entry> _ring;
    private readonly long _period;
    private long _latest;

    public TimeWindow(TimeSpan period)
        : this(period, new WindowRing<Entry>(0), long.MinValue)
    {
    }

    private TimeWindow(TimeSpan period, WindowRing<Entry> ring, long latest)
    {
        _period = period.Ticks;
        _ring = ring;
        _latest = latest;
    }

    public int Count => _ring.Count;

    /// <summary>The slot for an example at <paramref name="ticks"/>, placed in time order; call <see cref="Expire"/> next.</summary>
    public ref TExample Insert(long ticks)
    {
        ref Entry entry = ref _ring.Insert(InsertionPoint(ticks));
        entry.Ticks = ticks;
        return ref entry.Example;
    }

    /// <summary>
    /// If <paramref name="ticks"/> is newer than every earlier update, reverts from <paramref name="metric"/> and drops
    /// the examples at or before <c>ticks − period</c>, oldest first (each is dropped only once its revert succeeded).
    /// </summary>
    public void Expire(long ticks, TMetric metric)
    {
        if (ticks <= _latest)
        {
            return;
        }

        _latest = ticks;
        long cutoff = ticks - _period;
        while (_ring.Count > 0 && _ring[0].Ticks <= cutoff)
        {
            _ring[0].Example.RevertFrom(metric);
            _ring.RemoveOldest();
        }
    }

    public static TimeWindow<TExample, TMetric> Read(StateReader reader, TimeSpan period)
    {
        long latest = reader.ReadInt64();
        int count = reader.ReadCount();
        var entries = new Entry[count];
        for (int k = 0; k < count; k++)
        {
            entries[k].Ticks = reader.ReadInt64();
            StateReader.Require(entries[k].Ticks <= latest && (k == 0 || entries[k - 1].Ticks <= entries[k].Ticks), "The saved window is not in time order.");
            entries[k].Example = TExample.Read(reader);
        }

        return new TimeWindow<TExample, TMetric>(period, new WindowRing<Entry>(entries, count), latest);
    }

    public void Write(StateWriter writer)
    {
        writer.WriteInt64(_latest);
        writer.WriteInt32(_ring.Count);
        for (int k = 0; k < _ring.Count; k++)
        {
            writer.WriteInt64(_ring[k].Ticks);
            _ring[k].Example.Write(writer);
        }
    }

    /// <summary>Python's <c>bisect_left</c> over the times in logical order.</summary>
    private int InsertionPoint(long ticks)
    {
        int lo = 0;
        int hi = _ring.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_ring[mid].Ticks < ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private struct Entry
    {
        public long Ticks;
        public TExample Example;
    }
}
