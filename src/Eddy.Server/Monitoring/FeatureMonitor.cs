using Eddy.Drift;
using Eddy.Serialization;

namespace Eddy.Server.Monitoring;

/// <summary>
/// One watched feature on the writer: its detector, and its PSI windows. The reference window takes the first
/// <c>reference</c> values (after creation or a policy action); when it is full its quantile edges are fixed and the
/// values that follow slide through the recent window; every <c>recent</c> values the index between the two is checked.
/// </summary>
internal sealed class FeatureMonitor
{
    private readonly FeatureWatchSpec _spec;
    private readonly DriftDetector? _detector;
    private readonly int[] _referenceCounts;
    private readonly int[] _recentCounts;
    private double[]? _reference;
    private int _referenceCount;
    private double _referenceSum;
    private double[]? _edges;
    private readonly double[] _recent;
    private int _recentStart;
    private int _recentCount;
    private double _recentSum;
    private int _sinceCheck;
    private double _lastPsi = double.NaN;
    private long _stamp;
    private double _staged;

    public FeatureMonitor(string name, FeatureWatchSpec spec)
    {
        Name = name;
        _spec = spec;
        _detector = spec.DetectorPrototype?.CloneFresh();
        _referenceCounts = spec.Psi ? new int[spec.Bins] : [];
        _recentCounts = spec.Psi ? new int[spec.Bins] : [];
        _recent = spec.Psi ? new double[spec.Recent] : [];
    }

    public string Name { get; }

    /// <summary>Values seen since creation.</summary>
    public long Count { get; private set; }

    /// <summary>Drifts its detector reported.</summary>
    public long Drifts { get; private set; }

    /// <summary>Keeps the value of the learn at <paramref name="sequence"/> (a later duplicate name wins, as in the model).</summary>
    public void Stage(long sequence, double value)
    {
        _stamp = sequence;
        _staged = value;
    }

    /// <summary>Feeds the value staged at <paramref name="sequence"/>, if any; the alarm it raises, if any.</summary>
    public WatchAlarm? Update(long sequence)
    {
        if (_stamp != sequence)
        {
            return null;
        }

        double value = _staged;
        Count++;
        string? fired = null;
        if (_detector is not null)
        {
            _detector.Update(value);
            if (_detector.DriftDetected)
            {
                Drifts++;
                fired = _detector.ToString();
            }
        }

        double psi = _spec.Psi ? UpdatePsi(value) : double.NaN;
        bool psiFired = psi > _spec.Threshold;
        return fired is null && !psiFired
            ? null
            : new WatchAlarm("features", Name, double.NaN, double.NaN) { Psi = psiFired ? psi : double.NaN, Detector = fired };
    }

    /// <summary>After a policy action: a new reference window starts with the next value.</summary>
    public void Restart()
    {
        _reference = null;
        _referenceCount = 0;
        _referenceSum = 0;
        _edges = null;
        Array.Clear(_referenceCounts);
        _recentStart = 0;
        _recentCount = 0;
        _recentSum = 0;
        _sinceCheck = 0;
        _lastPsi = double.NaN;
    }

    public FeatureDrift Report() => new(
        Name,
        Count,
        Drifts,
        _lastPsi,
        _referenceCount > 0 ? _referenceSum / _referenceCount : double.NaN,
        _recentCount > 0 ? _recentSum / _recentCount : double.NaN);

    /// <summary>Returns the index when this value completed a check, else NaN.</summary>
    private double UpdatePsi(double value)
    {
        if (_edges is null)
        {
            _reference ??= new double[_spec.Reference];
            _reference[_referenceCount++] = value;
            _referenceSum += value;
            if (_referenceCount == _reference.Length)
            {
                _edges = PopulationStability.QuantileEdges(_reference, _spec.Bins);
                foreach (double v in _reference)
                {
                    _referenceCounts[PopulationStability.Bin(_edges, v)]++;
                }

                _reference = null;
            }

            return double.NaN;
        }

        int slot = (_recentStart + _recentCount) % _recent.Length;
        if (_recentCount == _recent.Length)
        {
            _recentSum -= _recent[slot];
            _recentStart = (_recentStart + 1) % _recent.Length;
        }
        else
        {
            _recentCount++;
        }

        _recent[slot] = value;
        _recentSum += value;
        _sinceCheck++;
        if (_recentCount < _recent.Length || _sinceCheck < _recent.Length)
        {
            return double.NaN;
        }

        // A check every `recent` values: bin the window afresh and resum it (the running sum drifts in the last bits).
        _sinceCheck = 0;
        Array.Clear(_recentCounts);
        double sum = 0;
        for (int i = 0; i < _recentCount; i++)
        {
            double v = _recent[(_recentStart + i) % _recent.Length];
            sum += v;
            _recentCounts[PopulationStability.Bin(_edges, v)]++;
        }

        _recentSum = sum;
        _lastPsi = PopulationStability.Index(_referenceCounts, _recentCounts);
        return _lastPsi;
    }

    /// <summary>Writes the learned state (the name is the caller's: it keys the monitor).</summary>
    public void WriteState(StateWriter writer)
    {
        writer.WriteInt64(Count);
        writer.WriteInt64(Drifts);
        if (_detector is not null)
        {
            writer.WriteBytes(_detector.SerializeState());
        }

        if (!_spec.Psi)
        {
            return;
        }

        writer.WriteInt32(_referenceCount);
        writer.WriteDouble(_referenceSum);
        writer.WriteBoolean(_edges is not null);
        if (_edges is null)
        {
            writer.WriteDoubles(_reference.AsSpan(0, _referenceCount));
        }
        else
        {
            writer.WriteDoubles(_edges);
            writer.WriteInt32s(_referenceCounts);
        }

        var recent = new double[_recentCount];
        for (int i = 0; i < recent.Length; i++)
        {
            recent[i] = _recent[(_recentStart + i) % _recent.Length];
        }

        writer.WriteDoubles(recent);
        writer.WriteDouble(_recentSum);
        writer.WriteInt32(_sinceCheck);
        writer.WriteDouble(_lastPsi);
    }

    /// <summary>Reads a state written by <see cref="WriteState"/> (for a monitor of the same spec); assigns last.</summary>
    public void ReadState(StateReader reader)
    {
        long count = reader.ReadInt64();
        long drifts = reader.ReadInt64();
        StateReader.Require(count >= 0 && drifts >= 0 && drifts <= count, "A feature monitor's counts are inconsistent.");
        ReadOnlyMemory<byte> detector = _detector is not null ? reader.ReadBytes() : default;
        int referenceCount = 0;
        double referenceSum = 0;
        double[]? reference = null;
        double[]? edges = null;
        int[] referenceCounts = new int[_referenceCounts.Length];
        double[] recent = [];
        double recentSum = 0;
        int sinceCheck = 0;
        double lastPsi = double.NaN;
        if (_spec.Psi)
        {
            referenceCount = reader.ReadInt32();
            referenceSum = reader.ReadDouble();
            bool fixedEdges = reader.ReadBoolean();
            StateReader.Require(referenceCount >= 0 && referenceCount <= _spec.Reference && fixedEdges == (referenceCount == _spec.Reference), "A feature's reference window is inconsistent.");
            if (fixedEdges)
            {
                edges = reader.ReadDoubles();
                referenceCounts = reader.ReadInt32s();
                StateReader.Require(edges.Length == _spec.Bins - 1 && referenceCounts.Length == _spec.Bins, "A feature's bins do not match the spec.");
            }
            else
            {
                double[] values = reader.ReadDoubles();
                StateReader.Require(values.Length == referenceCount, "A feature's reference window is inconsistent.");
                if (referenceCount > 0)
                {
                    reference = new double[_spec.Reference];
                    values.CopyTo(reference, 0);
                }
            }

            recent = reader.ReadDoubles();
            recentSum = reader.ReadDouble();
            sinceCheck = reader.ReadInt32();
            lastPsi = reader.ReadDouble();
            StateReader.Require(recent.Length <= _spec.Recent && (fixedEdges || recent.Length == 0), "A feature's recent window is inconsistent.");
            StateReader.Require(sinceCheck >= 0 && sinceCheck <= _spec.Recent, "A feature's check counter is out of range.");
        }

        _detector?.ReadState(new StateReader(detector));
        Count = count;
        Drifts = drifts;
        _reference = reference;
        _referenceCount = referenceCount;
        _referenceSum = referenceSum;
        _edges = edges;
        referenceCounts.CopyTo(_referenceCounts, 0);
        recent.CopyTo(_recent, 0);
        _recentStart = 0;
        _recentCount = recent.Length;
        _recentSum = recentSum;
        _sinceCheck = sinceCheck;
        _lastPsi = lastPsi;
    }
}
