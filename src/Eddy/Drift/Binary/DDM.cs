using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Drift.Binary;

/// <summary>
/// River: <c>drift.binary.DDM</c>. Gama et al. (2004), "Learning with Drift Detection". Tracks the error rate p and
/// its Bernoulli standard deviation s, remembers them where p + s was smallest, and warns (drifts) when p + s rises
/// above p_min + warning_threshold (drift_threshold) × s_min.
/// </summary>
public sealed class DDM : BinaryDriftDetector
{
    private const byte StateVersion = 1;

    private double _n;
    private double _p;
    private double _pMin = double.PositiveInfinity;
    private double _sMin = double.PositiveInfinity;
    private double _psMin = double.PositiveInfinity;

    /// <param name="warmStart">Values seen before a warning or drift can be reported.</param>
    /// <param name="warningThreshold">Standard deviations above the minimum that mean a warning.</param>
    /// <param name="driftThreshold">Standard deviations above the minimum that mean a drift.</param>
    public DDM(int warmStart = 30, double warningThreshold = 2.0, double driftThreshold = 3.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmStart);
        if (!double.IsFinite(warningThreshold) || warningThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(warningThreshold), warningThreshold, "warningThreshold must be finite and non-negative.");
        }

        if (!double.IsFinite(driftThreshold) || driftThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(driftThreshold), driftThreshold, "driftThreshold must be finite and non-negative.");
        }

        WarmStart = warmStart;
        WarningThreshold = warningThreshold;
        DriftThreshold = driftThreshold;
    }

    public int WarmStart { get; }

    public double WarningThreshold { get; }

    public double DriftThreshold { get; }

    public override void Update(bool x)
    {
        if (DriftDetected)
        {
            Reset();
        }

        double value = x ? 1.0 : 0.0;
        _n += 1.0;
        _p += (1.0 / _n) * (value - _p);
        double p = _p;
        double s = Math.Sqrt(p * (1 - p) / _n);
        if (_n > WarmStart)
        {
            if (p + s <= _psMin)
            {
                _pMin = p;
                _sMin = s;
                _psMin = _pMin + _sMin;
            }

            WarningDetected = p + s > _pMin + (WarningThreshold * _sMin);
            if (p + s > _pMin + (DriftThreshold * _sMin))
            {
                DriftDetected = true;
                WarningDetected = false;
            }
        }
    }

    public override void Reset()
    {
        _n = 0;
        _p = 0;
        _pMin = double.PositiveInfinity;
        _sMin = double.PositiveInfinity;
        _psMin = double.PositiveInfinity;
        DriftDetected = false;
        WarningDetected = false;
    }

    public override DriftDetector CloneFresh() => new DDM(WarmStart, WarningThreshold, DriftThreshold);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(DDM), StateVersion);
        writer.WriteDouble(_n);
        writer.WriteDouble(_p);
        writer.WriteDouble(_pMin);
        writer.WriteDouble(_sMin);
        writer.WriteDouble(_psMin);
        writer.WriteBoolean(DriftDetected);
        writer.WriteBoolean(WarningDetected);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(DDM), StateVersion);
        double n = reader.ReadDouble();
        double p = reader.ReadDouble();
        double pMin = reader.ReadDouble();
        double sMin = reader.ReadDouble();
        double psMin = reader.ReadDouble();
        bool drift = reader.ReadBoolean();
        bool warning = reader.ReadBoolean();
        StateReader.Require(double.IsFinite(n) && n >= 0 && Math.Floor(n) == n, "DDM: invalid count.");
        StateReader.Require(p >= 0 && p <= 1, "DDM: the error rate is not in [0, 1].");
        StateReader.Require(!double.IsNaN(pMin) && !double.IsNaN(sMin) && !double.IsNaN(psMin), "DDM: NaN minimum.");
        _n = n;
        _p = p;
        _pMin = pMin;
        _sMin = sMin;
        _psMin = psMin;
        DriftDetected = drift;
        WarningDetected = warning;
    }

    public override string ToString() =>
        $"DDM(warm_start={WarmStart}, warning_threshold={PythonFloat.Repr(WarningThreshold)}, drift_threshold={PythonFloat.Repr(DriftThreshold)})";
}
