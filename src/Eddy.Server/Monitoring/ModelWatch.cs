using Eddy.Base;
using Eddy.Drift;
using Eddy.Drift.Binary;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Server.Json;

namespace Eddy.Server.Monitoring;

/// <summary>
/// A model's monitors and policy at work, on its writer: after every learn it feeds the drift detector the example's
/// error (0/1 for a classifier, |y − ŷ| for a regressor) and checks the rolling metric; when one fires and the policy
/// is not cooling down, it decides an action. It keeps what the actions need: model checkpoints for rollback and the
/// last <c>window</c> examples for retraining. Everything here follows the stream alone, so a replay of the log makes
/// the same decisions at the same learns, and all of it is saved in the model's snapshots.
/// </summary>
internal sealed class ModelWatch
{
    // 2 added the features monitor's state; a version 1 state (no features monitor then) still loads.
    private const byte StateVersion = 2;

    private readonly WatchSpec _spec;
    private readonly DriftDetector? _detector;
    private readonly DriftDetector? _predictionDetector;
    private readonly FeatureWatch? _features;
    private readonly int _globalMetric = -1;
    private readonly int _rollingMetric = -1;
    private readonly bool _biggerIsBetter;
    private readonly RawExample[] _window;
    private readonly List<(long Sequence, byte[] State)> _checkpoints = [];
    private int _windowStart;
    private int _windowCount;
    private long _lastAction;

    public ModelWatch(WatchSpec spec, IReadOnlyList<Metric> metricPrototypes)
    {
        _spec = spec;
        _detector = spec.DetectorPrototype?.CloneFresh();
        _predictionDetector = spec.PredictionPrototype?.CloneFresh();
        _features = spec.Features is { } features ? new FeatureWatch(features) : null;
        if (spec.Metric is not null)
        {
            for (int i = 0; i < metricPrototypes.Count; i++)
            {
                if (metricPrototypes[i].Name == spec.Metric)
                {
                    _globalMetric = i;
                    _rollingMetric = metricPrototypes.Count + i;
                    _biggerIsBetter = metricPrototypes[i].BiggerIsBetter;
                    break;
                }
            }
        }

        _window = spec.Action is WatchAction.Retrain or WatchAction.Challenger ? new RawExample[spec.Window] : [];
    }

    public WatchSpec Spec => _spec;

    /// <summary>
    /// After a learn at <paramref name="sequence"/> (model already updated, metrics scored): feeds the monitors and
    /// returns the alarm that should act now, if any.
    /// </summary>
    public WatchAlarm? Observe(long sequence, double error, double predicted, RawExample example, Label y, Estimator model, Metric[] metrics)
    {
        if (_window.Length > 0)
        {
            Remember(example, y);
        }

        if (_spec.Action == WatchAction.Rollback && sequence % _spec.Window == 0)
        {
            _checkpoints.Add((sequence, model.SerializeState()));
            if (_checkpoints.Count > WatchSpec.Checkpoints)
            {
                _checkpoints.RemoveAt(0);
            }
        }

        WatchAlarm? alarm = null;
        if (_detector is not null && !double.IsNaN(error))
        {
            if (_detector is BinaryDriftDetector binary)
            {
                binary.Update(error != 0);
            }
            else
            {
                _detector.Update(error);
            }

            if (_detector.DriftDetected)
            {
                alarm = new WatchAlarm("drift", _detector.ToString() ?? "detector", double.NaN, double.NaN);
            }
        }

        if (_predictionDetector is not null && double.IsFinite(predicted))
        {
            _predictionDetector.Update(predicted);
            if (alarm is null && _predictionDetector.DriftDetected)
            {
                alarm = new WatchAlarm("predictions", _predictionDetector.ToString() ?? "detector", double.NaN, double.NaN);
            }
        }

        if (_features?.Observe(example, sequence) is { } featureAlarm)
        {
            alarm ??= featureAlarm;
        }

        if (alarm is null && _rollingMetric >= 0 && sequence - _lastAction >= _spec.Window)
        {
            double rolling = metrics[_rollingMetric].Value;
            double global = metrics[_globalMetric].Value;
            if (double.IsFinite(rolling) && (Worse(rolling, _spec.Threshold) || WorseByMargin(rolling, global)))
            {
                alarm = new WatchAlarm("metric", _spec.Metric!, rolling, global);
            }
        }

        if (alarm is null || (_lastAction > 0 && sequence - _lastAction < _spec.Cooldown))
        {
            return null;
        }

        _lastAction = sequence;
        _features?.Restart();
        return alarm;
    }

    /// <summary>The watched features as they are now (null without a features monitor).</summary>
    public FeatureDrift[]? FeatureReport() => _features?.Report();

    /// <summary>The newest checkpoint taken at least a window before <paramref name="sequence"/> (else the oldest kept).</summary>
    public (long Sequence, byte[] State)? RollbackTarget(long sequence)
    {
        for (int i = _checkpoints.Count - 1; i >= 0; i--)
        {
            if (_checkpoints[i].Sequence <= sequence - _spec.Window)
            {
                return _checkpoints[i];
            }
        }

        return _checkpoints.Count > 0 ? _checkpoints[0] : null;
    }

    /// <summary>Drops the rollback checkpoints (after a promotion they hold another model's state).</summary>
    public void ForgetCheckpoints() => _checkpoints.Clear();

    /// <summary>The remembered examples, oldest first (the last <c>window</c> learns, in log order).</summary>
    public IEnumerable<RawExample> Window()
    {
        for (int i = 0; i < _windowCount; i++)
        {
            yield return _window[(_windowStart + i) % _window.Length];
        }
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteByte(StateVersion);
        writer.WriteInt64(_lastAction);
        writer.WriteBoolean(_detector is not null);
        if (_detector is not null)
        {
            writer.WriteBytes(_detector.SerializeState());
        }

        writer.WriteBoolean(_predictionDetector is not null);
        if (_predictionDetector is not null)
        {
            writer.WriteBytes(_predictionDetector.SerializeState());
        }

        writer.WriteInt32(_checkpoints.Count);
        foreach ((long sequence, byte[] state) in _checkpoints)
        {
            writer.WriteInt64(sequence);
            writer.WriteBytes(state);
        }

        writer.WriteInt32(_windowCount);
        foreach (RawExample example in Window())
        {
            writer.WriteLabel(example.Y);
            writer.WriteInt32(example.Count);
            for (int i = 0; i < example.Count; i++)
            {
                example.WriteFeature(writer, i);
            }
        }

        writer.WriteBoolean(_features is not null);
        _features?.WriteState(writer);
    }

    public void ReadState(StateReader reader)
    {
        byte version = reader.ReadByte();
        StateReader.Require(version is 1 or StateVersion, "Unknown watch state version.");
        long lastAction = reader.ReadInt64();
        bool hasDetector = reader.ReadBoolean();
        StateReader.Require(hasDetector == (_detector is not null), "The watch state does not match the model's monitors.");
        ReadOnlyMemory<byte> detector = hasDetector ? reader.ReadBytes() : default;
        bool hasPredictionDetector = reader.ReadBoolean();
        StateReader.Require(hasPredictionDetector == (_predictionDetector is not null), "The watch state does not match the model's monitors.");
        ReadOnlyMemory<byte> predictionDetector = hasPredictionDetector ? reader.ReadBytes() : default;
        int checkpointCount = reader.ReadInt32();
        StateReader.Require(checkpointCount is >= 0 and <= WatchSpec.Checkpoints, "Too many checkpoints in the watch state.");
        var checkpoints = new List<(long, byte[])>(checkpointCount);
        for (int i = 0; i < checkpointCount; i++)
        {
            checkpoints.Add((reader.ReadInt64(), reader.ReadBytes().ToArray()));
        }

        int windowCount = reader.ReadInt32();
        StateReader.Require(windowCount >= 0 && windowCount <= _window.Length, "The watch state's window is larger than the policy's.");
        var window = new RawExample[windowCount];
        for (int i = 0; i < windowCount; i++)
        {
            Label y = reader.ReadLabel();
            var example = new RawExample();
            int features = reader.ReadInt32();
            for (int j = 0; j < features; j++)
            {
                example.ReadFeature(reader);
            }

            example.Y = y;
            window[i] = example;
        }

        bool hasFeatures = version >= 2 && reader.ReadBoolean();
        StateReader.Require(hasFeatures == (_features is not null), "The watch state does not match the model's monitors.");
        if (hasFeatures)
        {
            _features!.ReadState(reader);
        }

        if (hasDetector)
        {
            _detector!.ReadState(new StateReader(detector));
        }

        if (hasPredictionDetector)
        {
            _predictionDetector!.ReadState(new StateReader(predictionDetector));
        }

        _lastAction = lastAction;
        _checkpoints.Clear();
        _checkpoints.AddRange(checkpoints);
        Array.Copy(window, _window, windowCount);
        _windowStart = 0;
        _windowCount = windowCount;
    }

    private void Remember(RawExample example, Label y)
    {
        int slot = (_windowStart + _windowCount) % _window.Length;
        if (_windowCount == _window.Length)
        {
            _windowStart = (_windowStart + 1) % _window.Length;
        }
        else
        {
            _windowCount++;
        }

        RawExample target = _window[slot] ??= new RawExample();
        example.CopyTo(target);
        target.Y = y;
    }

    private bool Worse(double value, double? threshold) =>
        threshold is { } t && (_biggerIsBetter ? value < t : value > t);

    private bool WorseByMargin(double rolling, double global) =>
        _spec.Margin is { } margin && double.IsFinite(global) && (_biggerIsBetter ? rolling < global - margin : rolling > global + margin);
}
