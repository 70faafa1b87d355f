using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>utils.Rolling(metric, window_size)</c> for regression. Keeps the last <see cref="WindowSize"/> updates in
/// a ring; when it is full, the oldest is reverted before the new one is added (River's order).
/// </summary>
/// <remarks>
/// As in River, <see cref="Revert"/> goes straight to the wrapped metric and leaves the window alone; reading a
/// state replaces the wrapped metric with a new instance (<see cref="Metric"/> returns it).
/// </remarks>
public sealed class RollingRegressionMetric : RegressionMetric
{
    private const byte StateVersion = 1;

    private RegressionMetric _metric;
    private CountWindow<RegressionExample, RegressionMetric> _window;

    public RollingRegressionMetric(RegressionMetric metric, int windowSize)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        _metric = metric;
        _window = new CountWindow<RegressionExample, RegressionMetric>(windowSize);
    }

    public int WindowSize => _window.Size;

    public RegressionMetric Metric => _metric;

    public int Count => _window.Count;

    public override string Name => _metric.Name;

    public override double Value => _metric.Value;

    public override bool BiggerIsBetter => _metric.BiggerIsBetter;

    public override bool IsPercentage => _metric.IsPercentage;

    public override void Update(double yTrue, double yPred, double w = 1.0)
    {
        BinaryMetric.CheckWeight(w);
        _window.MakeRoom(_metric);
        _metric.Update(yTrue, yPred, w);
        _window.Append() = new RegressionExample(yTrue, yPred, w);
    }

    public override void Revert(double yTrue, double yPred, double w = 1.0) => _metric.Revert(yTrue, yPred, w);

    public override Metric CloneFresh() => new RollingRegressionMetric((RegressionMetric)_metric.CloneFresh(), WindowSize);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(RollingRegressionMetric), StateVersion);
        _window.Write(writer);
        _metric.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(RollingRegressionMetric), StateVersion);
        var window = CountWindow<RegressionExample, RegressionMetric>.Read(reader, WindowSize);
        var metric = (RegressionMetric)_metric.CloneFresh();
        metric.ReadState(reader);

        _metric = metric;
        _window = window;
    }
}
