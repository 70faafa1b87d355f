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
    private TimeWindow<RegressionExample, RegressionMetric> _window;

    public TimeRollingRegressionMetric(RegressionMetric metric, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        _metric = metric;
        Period = period;
        _window = new TimeWindow<RegressionExample, RegressionMetric>(period);
    }

    public TimeSpan Period { get; }

    public RegressionMetric Metric => _metric;

    public int Count => _window.Count;

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
        _metric.Update(yTrue, yPred, w);
        long ticks = t.UtcTicks;
        _window.Insert(ticks) = new RegressionExample(yTrue, yPred, w);
        _window.Expire(ticks, _metric);
    }

    public override void Revert(double yTrue, double yPred, double w = 1.0) => _metric.Revert(yTrue, yPred, w);

    public override Metric CloneFresh() => new TimeRollingRegressionMetric((RegressionMetric)_metric.CloneFresh(), Period);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(TimeRollingRegressionMetric), StateVersion);
        _window.Write(writer);
        _metric.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(TimeRollingRegressionMetric), StateVersion);
        var window = TimeWindow<RegressionExample, RegressionMetric>.Read(reader, Period);
        var metric = (RegressionMetric)_metric.CloneFresh();
        metric.ReadState(reader);

        _metric = metric;
        _window = window;
    }
}
