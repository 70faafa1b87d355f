using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>utils.TimeRolling(metric, period)</c> for regression. Each update carries a timestamp; updates are kept
/// in time order (a late one is inserted before those with the same or a later time), and when an update is newer
/// than every earlier one, those at or before <c>t − period</c> are reverted, oldest first.
/// </summary>
/// <remarks>The buffer grows only when more updates fall within one period than ever before. <see cref="Revert"/> goes
/// straight to the wrapped metric, as in River.</remarks>
public sealed class TimeRollingRegressionMetric : RegressionMetric
{
    private const byte StateVersion = 1;

    private RegressionMetric _metric;
    private long[] _times = [];
    private double[] _truths = [];
    private double[] _predictions = [];
    private double[] _weights = [];
    private int _start;
    private int _count;
    private long _latest = long.MinValue;

    public TimeRollingRegressionMetric(RegressionMetric metric, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        _metric = metric;
        Period = period;
    }

    public TimeSpan Period { get; }

    public RegressionMetric Metric => _metric;

    public int Count => _count;

    public override string Name => _metric.Name;

    public override double Value => _metric.Value;

    public override bool BiggerIsBetter => _metric.BiggerIsBetter;

    public override bool IsPercentage => _metric.IsPercentage;

    /// <summary>Without a time there is no window: use <see cref="Update(double, double, DateTimeOffset, double)"/>.</summary>
    public override void Update(double yTrue, double yPred, double w = 1.0) =>
        throw new InvalidOperationException("A time-rolling metric needs the time of each update.");

    public void Update(double yTrue, double yPred, DateTimeOffset t, double w = 1.0)
    {
        BinaryMetric.CheckWeight(w);
        if (_count == _times.Length)
        {
            Grow();
        }

        _metric.Update(yTrue, yPred, w);
        long ticks = t.UtcTicks;
        int position = InsertionPoint(ticks);
        for (int k = _count; k > position; k--)
        {
            int from = Physical(k - 1);
            int to = Physical(k);
            _times[to] = _times[from];
            _truths[to] = _truths[from];
            _predictions[to] = _predictions[from];
            _weights[to] = _weights[from];
        }

        int slot = Physical(position);
        _times[slot] = ticks;
        _truths[slot] = yTrue;
        _predictions[slot] = yPred;
        _weights[slot] = w;
        _count++;
        if (ticks > _latest)
        {
            _latest = ticks;
            long cutoff = ticks - Period.Ticks;
            while (_count > 0 && _times[_start] <= cutoff)
            {
                _metric.Revert(_truths[_start], _predictions[_start], _weights[_start]);
                _start = (_start + 1) % _times.Length;
                _count--;
            }
        }
    }

    public override void Revert(double yTrue, double yPred, double w = 1.0) => _metric.Revert(yTrue, yPred, w);

    public override Metric CloneFresh() => new TimeRollingRegressionMetric((RegressionMetric)_metric.CloneFresh(), Period);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(TimeRollingRegressionMetric), StateVersion);
        writer.WriteInt64(_latest);
        writer.WriteInt32(_count);
        for (int k = 0; k < _count; k++)
        {
            int slot = Physical(k);
            writer.WriteInt64(_times[slot]);
            writer.WriteDouble(_truths[slot]);
            writer.WriteDouble(_predictions[slot]);
            writer.WriteDouble(_weights[slot]);
        }

        _metric.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(TimeRollingRegressionMetric), StateVersion);
        long latest = reader.ReadInt64();
        int count = reader.ReadCount();
        var times = new long[count];
        var truths = new double[count];
        var predictions = new double[count];
        var weights = new double[count];
        for (int k = 0; k < count; k++)
        {
            times[k] = reader.ReadInt64();
            StateReader.Require(times[k] <= latest && (k == 0 || times[k - 1] <= times[k]), "The saved window is not in time order.");
            truths[k] = reader.ReadDouble();
            predictions[k] = reader.ReadDouble();
            weights[k] = reader.ReadDouble();
            StateReader.Require(double.IsFinite(weights[k]), "A windowed example has a non-finite weight.");
        }

        var metric = (RegressionMetric)_metric.CloneFresh();
        metric.ReadState(reader);

        _metric = metric;
        _times = times;
        _truths = truths;
        _predictions = predictions;
        _weights = weights;
        _latest = latest;
        _start = 0;
        _count = count;
    }

    private int Physical(int k) => (_start + k) % _times.Length;

    /// <summary>Python's <c>bisect_left</c> over the times in logical order.</summary>
    private int InsertionPoint(long ticks)
    {
        int lo = 0;
        int hi = _count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_times[Physical(mid)] < ticks)
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

    private void Grow()
    {
        int capacity = Math.Max(8, _times.Length * 2);
        var times = new long[capacity];
        var truths = new double[capacity];
        var predictions = new double[capacity];
        var weights = new double[capacity];
        for (int k = 0; k < _count; k++)
        {
            int slot = Physical(k);
            times[k] = _times[slot];
            truths[k] = _truths[slot];
            predictions[k] = _predictions[slot];
            weights[k] = _weights[slot];
        }

        _times = times;
        _truths = truths;
        _predictions = predictions;
        _weights = weights;
        _start = 0;
    }
}
