using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>utils.TimeRolling(metric, period)</c> for classification. Each update carries a timestamp; updates are
/// kept in time order (a late one is inserted before those with the same or a later time), and when an update is
/// newer than every earlier one, those at or before <c>t − period</c> are reverted, oldest first.
/// </summary>
/// <remarks>
/// The buffer grows only when more updates fall within one period than ever before; probabilities are copied into
/// per-slot buffers that are reused. <see cref="Revert"/> goes straight to the wrapped metric, as in River.
/// </remarks>
public sealed class TimeRollingClassificationMetric : ClassificationMetric
{
    private const byte StateVersion = 1;

    private ClassificationMetric _metric;
    private long[] _times = [];
    private Label[] _truths = [];
    private Label[] _predictions = [];
    private double[] _weights = [];
    private ClassProbabilities?[] _probabilities = [];
    private bool[] _hasProbabilities = [];
    private int _start;
    private int _count;
    private long _latest = long.MinValue;

    public TimeRollingClassificationMetric(ClassificationMetric metric, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        _metric = metric;
        Period = period;
    }

    public TimeSpan Period { get; }

    public ClassificationMetric Metric => _metric;

    public int Count => _count;

    public override string Name => _metric.Name;

    public override double Value => _metric.Value;

    public override bool BiggerIsBetter => _metric.BiggerIsBetter;

    public override bool IsPercentage => _metric.IsPercentage;

    public override bool RequiresLabels => _metric.RequiresLabels;

    /// <summary>Without a time there is no window: use <see cref="Update(Label, ClassificationPrediction, DateTimeOffset, double)"/>.</summary>
    public override void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0) =>
        throw new InvalidOperationException("A time-rolling metric needs the time of each update.");

    public void Update(Label yTrue, ClassificationPrediction yPred, DateTimeOffset t, double w = 1.0)
    {
        RollingChecks.Check(_metric, yTrue, yPred, w);
        if (_count == _times.Length)
        {
            Grow();
        }

        _metric.Update(yTrue, yPred, w);
        long ticks = t.UtcTicks;
        int position = InsertionPoint(ticks);
        int free = Physical(_count);
        ClassProbabilities? buffer = _probabilities[free];
        for (int k = _count; k > position; k--)
        {
            Move(Physical(k - 1), Physical(k));
        }

        int slot = Physical(position);
        _times[slot] = ticks;
        _truths[slot] = yTrue;
        _predictions[slot] = yPred.Label;
        _weights[slot] = w;
        _hasProbabilities[slot] = !_metric.RequiresLabels && yPred.Probabilities is not null;
        _probabilities[slot] = buffer;
        if (_hasProbabilities[slot])
        {
            yPred.Probabilities!.CopyTo(_probabilities[slot] ??= new ClassProbabilities(yPred.Probabilities.Count));
        }

        _count++;
        if (ticks > _latest)
        {
            _latest = ticks;
            long cutoff = ticks - Period.Ticks;
            while (_count > 0 && _times[_start] <= cutoff)
            {
                _metric.Revert(_truths[_start], new ClassificationPrediction(_predictions[_start], _hasProbabilities[_start] ? _probabilities[_start] : null), _weights[_start]);
                _start = (_start + 1) % _times.Length;
                _count--;
            }
        }
    }

    public void Update(Label yTrue, Label yPred, DateTimeOffset t, double w = 1.0) => Update(yTrue, new ClassificationPrediction(yPred), t, w);

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => _metric.Revert(yTrue, yPred, w);

    public override Metric CloneFresh() => new TimeRollingClassificationMetric((ClassificationMetric)_metric.CloneFresh(), Period);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(TimeRollingClassificationMetric), StateVersion);
        writer.WriteInt64(_latest);
        writer.WriteInt32(_count);
        for (int k = 0; k < _count; k++)
        {
            int slot = Physical(k);
            writer.WriteInt64(_times[slot]);
            RollingChecks.WriteExample(writer, _truths[slot], _predictions[slot], _weights[slot], _hasProbabilities[slot] ? _probabilities[slot] : null);
        }

        _metric.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(TimeRollingClassificationMetric), StateVersion);
        long latest = reader.ReadInt64();
        int count = reader.ReadCount();
        var times = new long[count];
        var truths = new Label[count];
        var predictions = new Label[count];
        var weights = new double[count];
        var probabilities = new ClassProbabilities?[count];
        var hasProbabilities = new bool[count];
        for (int k = 0; k < count; k++)
        {
            times[k] = reader.ReadInt64();
            StateReader.Require(times[k] <= latest && (k == 0 || times[k - 1] <= times[k]), "The saved window is not in time order.");
            (truths[k], predictions[k], weights[k], probabilities[k]) = RollingChecks.ReadExample(reader);
            hasProbabilities[k] = probabilities[k] is not null;
        }

        var metric = (ClassificationMetric)_metric.CloneFresh();
        metric.ReadState(reader);

        _metric = metric;
        _times = times;
        _truths = truths;
        _predictions = predictions;
        _weights = weights;
        _probabilities = probabilities;
        _hasProbabilities = hasProbabilities;
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

    private void Move(int from, int to)
    {
        _times[to] = _times[from];
        _truths[to] = _truths[from];
        _predictions[to] = _predictions[from];
        _weights[to] = _weights[from];
        _probabilities[to] = _probabilities[from];
        _hasProbabilities[to] = _hasProbabilities[from];
    }

    private void Grow()
    {
        int capacity = Math.Max(8, _times.Length * 2);
        var times = new long[capacity];
        var truths = new Label[capacity];
        var predictions = new Label[capacity];
        var weights = new double[capacity];
        var probabilities = new ClassProbabilities?[capacity];
        var hasProbabilities = new bool[capacity];
        for (int k = 0; k < _times.Length; k++)
        {
            int slot = Physical(k);
            times[k] = _times[slot];
            truths[k] = _truths[slot];
            predictions[k] = _predictions[slot];
            weights[k] = _weights[slot];
            probabilities[k] = _probabilities[slot];
            hasProbabilities[k] = _hasProbabilities[slot];
        }

        _times = times;
        _truths = truths;
        _predictions = predictions;
        _weights = weights;
        _probabilities = probabilities;
        _hasProbabilities = hasProbabilities;
        _start = 0;
    }
}
