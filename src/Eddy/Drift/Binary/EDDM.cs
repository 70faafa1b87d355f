using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Drift.Binary;

/// <summary>
/// River: <c>drift.binary.EDDM</c>. Baena-García et al. (2006), "Early Drift Detection Method". Tracks the mean p′
/// and standard deviation s′ of the distance between consecutive errors and reports a warning (drift) when
/// (p′ + 2s′) falls below <c>alpha</c> (<c>beta</c>) times its maximum.
/// </summary>
public sealed class EDDM : BinaryDriftDetector
{
    private const byte StateVersion = 1;

    // River's stats.Var(ddof=1) of the distances: Welford's weight, mean and sum of squares.
    private double _distanceCount;
    private double _distanceMean;
    private double _distanceS;
    private long _n;
    private long _lastError;
    private long _nErrors;
    private double _p2sPrimeMax = -1;

    /// <param name="warmStart">Values (and errors) seen before a warning or drift can be reported.</param>
    /// <param name="alpha">Warning level, in [beta, 1].</param>
    /// <param name="beta">Drift level, in [0, alpha].</param>
    public EDDM(int warmStart = 30, double alpha = 0.95, double beta = 0.9)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmStart);
        if (!(beta >= 0 && beta <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be in [0, 1].");
        }

        if (!(alpha >= beta && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in [beta, 1].");
        }

        WarmStart = warmStart;
        Alpha = alpha;
        Beta = beta;
    }

    public int WarmStart { get; }

    public double Alpha { get; }

    public double Beta { get; }

    public override void Update(bool x)
    {
        if (DriftDetected)
        {
            Reset();
        }

        _n++;
        if (!x)
        {
            return;
        }

        _nErrors++;
        double distance = _n - _lastError;
        double oldMean = _distanceMean;
        _distanceCount += 1.0;
        _distanceMean += (1.0 / _distanceCount) * (distance - _distanceMean);
        _distanceS += (distance - oldMean) * (distance - _distanceMean);
        if (_n > WarmStart)
        {
            double piPrime = _distanceMean;
            double variance = _distanceCount > 1 ? _distanceS / (_distanceCount - 1) : 0.0;

            // Python's ** 0.5 is C's pow, which is not always sqrt to the last bit.
            double siPrime = Math.Pow(variance, 0.5);
            double p2sPrime = piPrime + (2 * siPrime);
            if (p2sPrime > _p2sPrimeMax)
            {
                _p2sPrimeMax = p2sPrime;
            }
            else if (_nErrors > WarmStart)
            {
                double level = p2sPrime / _p2sPrimeMax;
                if (level < Beta)
                {
                    DriftDetected = true;
                }
                else if (level < Alpha)
                {
                    WarningDetected = true;
                }
                else
                {
                    WarningDetected = false;
                }
            }
        }

        _lastError = _n;
    }

    public override void Reset()
    {
        _distanceCount = 0;
        _distanceMean = 0;
        _distanceS = 0;
        _n = 0;
        _lastError = 0;
        _nErrors = 0;
        _p2sPrimeMax = -1;
        DriftDetected = false;
        WarningDetected = false;
    }

    public override DriftDetector CloneFresh() => new EDDM(WarmStart, Alpha, Beta);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(EDDM), StateVersion);
        writer.WriteDouble(_distanceCount);
        writer.WriteDouble(_distanceMean);
        writer.WriteDouble(_distanceS);
        writer.WriteInt64(_n);
        writer.WriteInt64(_lastError);
        writer.WriteInt64(_nErrors);
        writer.WriteDouble(_p2sPrimeMax);
        writer.WriteBoolean(DriftDetected);
        writer.WriteBoolean(WarningDetected);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(EDDM), StateVersion);
        double count = reader.ReadDouble();
        double mean = reader.ReadDouble();
        double s = reader.ReadDouble();
        long n = reader.ReadInt64();
        long lastError = reader.ReadInt64();
        long nErrors = reader.ReadInt64();
        double p2sMax = reader.ReadDouble();
        bool drift = reader.ReadBoolean();
        bool warning = reader.ReadBoolean();
        StateReader.Require(n >= 0 && lastError >= 0 && lastError <= n && nErrors >= 0 && nErrors <= n, "EDDM: inconsistent counters.");
        StateReader.Require(count == nErrors, "EDDM: the distance statistics do not match the error count.");
        StateReader.Require(double.IsFinite(mean) && double.IsFinite(s) && s >= 0, "EDDM: invalid distance statistics.");
        StateReader.Require(double.IsFinite(p2sMax), "EDDM: invalid maximum.");
        _distanceCount = count;
        _distanceMean = mean;
        _distanceS = s;
        _n = n;
        _lastError = lastError;
        _nErrors = nErrors;
        _p2sPrimeMax = p2sMax;
        DriftDetected = drift;
        WarningDetected = warning;
    }

    public override string ToString() =>
        $"EDDM(warm_start={WarmStart}, alpha={PythonFloat.Repr(Alpha)}, beta={PythonFloat.Repr(Beta)})";
}
