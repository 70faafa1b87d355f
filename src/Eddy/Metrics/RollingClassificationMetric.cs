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
    private Label[] _truths;
    private Label[] _predictions;
    private double[] _weights;
    private ClassProbabilities?[] _probabilities;
    private bool[] _hasProbabilities;
    private int _start;
    private int _count;

    public RollingClassificationMetric(ClassificationMetric metric, int windowSize)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        _metric = metric;
        WindowSize = windowSize;
        _truths = new Label[windowSize];
        _predictions = new Label[windowSize];
        _weights = new double[windowSize];
        _probabilities = new ClassProbabilities?[windowSize];
        _hasProbabilities = new bool[windowSize];
    }

    public int WindowSize { get; }

    /// <summary>The wrapped metric.</summary>
    public ClassificationMetric Metric => _metric;

    /// <summary>Updates currently in the window.</summary>
    public int Count => _count;

    public override string Name => _metric.Name;

    public override double Value => _metric.Value;

    public override bool BiggerIsBetter => _metric.BiggerIsBetter;

    public override bool IsPercentage => _metric.IsPercentage;

    public override bool RequiresLabels => _metric.RequiresLabels;

    public override void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0)
    {
        // Checked up front so a refused update cannot leave the oldest example reverted.
        RollingChecks.Check(_metric, yTrue, yPred, w);
        if (_count == WindowSize)
        {
            _metric.Revert(_truths[_start], SlotPrediction(_start), _weights[_start]);
            _start = (_start + 1) % WindowSize;
            _count--;
        }

        _metric.Update(yTrue, yPred, w);
        int slot = (_start + _count) % WindowSize;
        _truths[slot] = yTrue;
        _predictions[slot] = yPred.Label;
        _weights[slot] = w;
        _hasProbabilities[slot] = !_metric.RequiresLabels && yPred.Probabilities is not null;
        if (_hasProbabilities[slot])
        {
            yPred.Probabilities!.CopyTo(_probabilities[slot] ??= new ClassProbabilities(yPred.Probabilities.Count));
        }

        _count++;
    }

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => _metric.Revert(yTrue, yPred, w);

    public override Metric CloneFresh() => new RollingClassificationMetric((ClassificationMetric)_metric.CloneFresh(), WindowSize);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(RollingClassificationMetric), StateVersion);
        writer.WriteInt32(WindowSize);
        writer.WriteInt32(_count);
        for (int k = 0; k < _count; k++)
        {
            int slot = (_start + k) % WindowSize;
            RollingChecks.WriteExample(writer, _truths[slot], _predictions[slot], _weights[slot], _hasProbabilities[slot] ? _probabilities[slot] : null);
        }

        _metric.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(RollingClassificationMetric), StateVersion);
        int windowSize = reader.ReadInt32();
        StateReader.Require(windowSize == WindowSize, $"The saved window holds {windowSize} updates, this one {WindowSize}.");
        int count = reader.ReadCount();
        StateReader.Require(count <= WindowSize, "The saved window holds more updates than its size.");
        var truths = new Label[WindowSize];
        var predictions = new Label[WindowSize];
        var weights = new double[WindowSize];
        var probabilities = new ClassProbabilities?[WindowSize];
        var hasProbabilities = new bool[WindowSize];
        for (int k = 0; k < count; k++)
        {
            (truths[k], predictions[k], weights[k], probabilities[k]) = RollingChecks.ReadExample(reader);
            hasProbabilities[k] = probabilities[k] is not null;
        }

        var metric = (ClassificationMetric)_metric.CloneFresh();
        metric.ReadState(reader);

        _metric = metric;
        _truths = truths;
        _predictions = predictions;
        _weights = weights;
        _probabilities = probabilities;
        _hasProbabilities = hasProbabilities;
        _start = 0;
        _count = count;
    }

    private ClassificationPrediction SlotPrediction(int slot) =>
        new(_predictions[slot], _hasProbabilities[slot] ? _probabilities[slot] : null);
}
