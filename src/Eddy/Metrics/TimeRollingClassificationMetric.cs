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
    private TimeWindow<ClassificationExample, ClassificationMetric> _window;

    public TimeRollingClassificationMetric(ClassificationMetric metric, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        _metric = metric;
        Period = period;
        _window = new TimeWindow<ClassificationExample, ClassificationMetric>(period);
    }

    public TimeSpan Period { get; }

    public ClassificationMetric Metric => _metric;

    public int Count => _window.Count;

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
        ClassificationExample.Validate(_metric, yTrue, yPred, w);
        _metric.Update(yTrue, yPred, w);
        long ticks = t.UtcTicks;
        _window.Insert(ticks).Set(yTrue, yPred, w, keepProbabilities: !_metric.RequiresLabels);
        _window.Expire(ticks, _metric);
    }

    public void Update(Label yTrue, Label yPred, DateTimeOffset t, double w = 1.0) => Update(yTrue, new ClassificationPrediction(yPred), t, w);

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => _metric.Revert(yTrue, yPred, w);

    public override Metric CloneFresh() => new TimeRollingClassificationMetric((ClassificationMetric)_metric.CloneFresh(), Period);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(TimeRollingClassificationMetric), StateVersion);
        _window.Write(writer);
        _metric.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(TimeRollingClassificationMetric), StateVersion);
        var window = TimeWindow<ClassificationExample, ClassificationMetric>.Read(reader, Period);
        var metric = (ClassificationMetric)_metric.CloneFresh();
        metric.ReadState(reader);

        _metric = metric;
        _window = window;
    }
}
