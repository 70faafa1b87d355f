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
    private double[] _truths;
    private double[] _predictions;
    private double[] _weights;
    private int _start;
    private int _count;

    public RollingRegressionMetric(RegressionMetric metric, int windowSize)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        _metric = metric;
        WindowSize = windowSize;
        _truths = new double[windowSize];
        _predictions = new double[windowSize];
        _weights = new double[windowSize];
    }

    public int WindowSize { get; }

    public RegressionMetric Metric => _metric;

    public int Count => _count;

    public override string Name => _metric.Name;

    public override double Value => _metric.Value;

    public override bool BiggerIsBetter => _metric.BiggerIsBetter;

    public override bool IsPercentage => _metric.IsPercentage;

    public override void Update(double yTrue, double yPred, double w = 1.0)
    {
        BinaryMetric.CheckWeight(w);
        if (_count == WindowSize)
        {
            _metric.Revert(_truths[_start], _predictions[_start], _weights[_start]);
            _start = (_start + 1) % WindowSize;
            _count--;
        }

        _metric.Update(yTrue, yPred, w);
        int slot = (_start + _count) % WindowSize;
        _truths[slot] = yTrue;
        _predictions[slot] = yPred;
        _weights[slot] = w;
        _count++;
    }

    public override void Revert(double yTrue, double yPred, double w = 1.0) => _metric.Revert(yTrue, yPred, w);

    public override Metric CloneFresh() => new RollingRegressionMetric((RegressionMetric)_metric.CloneFresh(), WindowSize);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(RollingRegressionMetric), StateVersion);
        writer.WriteInt32(WindowSize);
        writer.WriteInt32(_count);
        for (int k = 0; k < _count; k++)
        {
            int slot = (_start + k) % WindowSize;
            writer.WriteDouble(_truths[slot]);
            writer.WriteDouble(_predictions[slot]);
            writer.WriteDouble(_weights[slot]);
        }

        _metric.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(RollingRegressionMetric), StateVersion);
        int windowSize = reader.ReadInt32();
        StateReader.Require(windowSize == WindowSize, $"The saved window holds {windowSize} updates, this one {WindowSize}.");
        int count = reader.ReadCount();
        StateReader.Require(count <= WindowSize, "The saved window holds more updates than its size.");
        var truths = new double[WindowSize];
        var predictions = new double[WindowSize];
        var weights = new double[WindowSize];
        for (int k = 0; k < count; k++)
        {
            truths[k] = reader.ReadDouble();
            predictions[k] = reader.ReadDouble();
            weights[k] = reader.ReadDouble();
            StateReader.Require(double.IsFinite(weights[k]), "A windowed example has a non-finite weight.");
        }

        var metric = (RegressionMetric)_metric.CloneFresh();
        metric.ReadState(reader);

        _metric = metric;
        _truths = truths;
        _predictions = predictions;
        _weights = weights;
        _start = 0;
        _count = count;
    }
}
