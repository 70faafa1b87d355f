using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>utils.Rolling(metric, window_size)</c> for classification. Keeps the last <see cref="WindowSize"/>
/// updates in a ring; when it is full, the oldest is reverted before the new one is added (River's order).
/// Probabilities are copied into per-slot buffers, so the steady state allocates nothing.
/// </summary>
/// <remarks>
/// As in River, <see cref="Revert"/> goes straight to the wrapped metric and leaves the window alone; reading a
/// state replaces the wrapped metric with a new instance (<see cref="Metric"/> returns it).
/// </remarks>
public sealed class RollingClassificationMetric : ClassificationMetric
{
    private const byte StateVersion = 1;

    private ClassificationMetric _metric;
    private CountWindow<ClassificationExample, ClassificationMetric> _window;

    public RollingClassificationMetric(ClassificationMetric metric, int windowSize)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        _metric = metric;
        _window = new CountWindow<ClassificationExample, ClassificationMetric>(windowSize);
    }

    public int WindowSize => _window.Size;

    /// <summary>The wrapped metric.</summary>
    public ClassificationMetric Metric => _metric;

    /// <summary>Updates currently in the window.</summary>
    public int Count => _window.Count;

    public override string Name => _metric.Name;

    public override double Value => _metric.Value;

    public override bool BiggerIsBetter => _metric.BiggerIsBetter;

    public override bool IsPercentage => _metric.IsPercentage;

    public override bool RequiresLabels => _metric.RequiresLabels;

    public override void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0)
    {
        // Checked up front so a refused update cannot leave the oldest example reverted.
        ClassificationExample.Validate(_metric, yTrue, yPred, w);
        _window.MakeRoom(_metric);
        _metric.Update(yTrue, yPred, w);
        _window.Append().Set(yTrue, yPred, w, keepProbabilities: !_metric.RequiresLabels);
    }

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => _metric.Revert(yTrue, yPred, w);

    public override Metric CloneFresh() => new RollingClassificationMetric((ClassificationMetric)_metric.CloneFresh(), WindowSize);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(RollingClassificationMetric), StateVersion);
        _window.Write(writer);
        _metric.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(RollingClassificationMetric), StateVersion);
        var window = CountWindow<ClassificationExample, ClassificationMetric>.Read(reader, WindowSize);
        var metric = (ClassificationMetric)_metric.CloneFresh();
        metric.ReadState(reader);

        _metric = metric;
        _window = window;
    }
}
