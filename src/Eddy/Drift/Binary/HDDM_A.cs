using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Drift.Binary;

/// <summary>
/// River: <c>drift.binary.HDDM_A</c>. Frías-Blanco et al. (2014), "Online and non-parametric drift detection methods
/// based on Hoeffding's bounds" (the A-test, after MOA). Compares the running error rate with the rate at a cut point
/// chosen by Hoeffding bounds; a significant increase (or, two-sided, decrease) is a warning or a drift.
/// </summary>
public sealed class HDDM_A : BinaryDriftDetector
{
    private const byte StateVersion = 1;

    // River's three stats.Mean: the global mean and the means at the cut points for an increase and a decrease.
    private Mean _z;
    private Mean _xMin;
    private Mean _xMax;

    /// <param name="driftConfidence">Confidence of the drift test.</param>
    /// <param name="warningConfidence">Confidence of the warning test.</param>
    /// <param name="twoSidedTest">Also watch for a decrease of the error rate.</param>
    public HDDM_A(double driftConfidence = 0.001, double warningConfidence = 0.005, bool twoSidedTest = false)
    {
        if (!(driftConfidence > 0 && driftConfidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(driftConfidence), driftConfidence, "driftConfidence must be in (0, 1).");
        }

        if (!(warningConfidence > 0 && warningConfidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(warningConfidence), warningConfidence, "warningConfidence must be in (0, 1).");
        }

        DriftConfidence = driftConfidence;
        WarningConfidence = warningConfidence;
        TwoSidedTest = twoSidedTest;
    }

    public double DriftConfidence { get; }

    public double WarningConfidence { get; }

    public bool TwoSidedTest { get; }

    public override void Update(bool x)
    {
        if (DriftDetected)
        {
            Reset();
        }

        _z.Update(x ? 1.0 : 0.0);
        if (_xMin.N == 0)
        {
            _xMin = _z;
        }

        if (_xMax.N == 0)
        {
            _xMax = _z;
        }

        double epsZ = HoeffdingBound(_z.N);
        if (_xMin.Value + HoeffdingBound(_xMin.N) >= _z.Value + epsZ)
        {
            _xMin = _z;
        }

        if (_xMax.Value - HoeffdingBound(_xMax.N) <= _z.Value - epsZ)
        {
            _xMax = _z;
        }

        if (MeanIncreased(DriftConfidence))
        {
            WarningDetected = false;
            DriftDetected = true;
        }
        else if (MeanIncreased(WarningConfidence))
        {
            WarningDetected = true;
            DriftDetected = false;
        }
        else
        {
            WarningDetected = false;
            DriftDetected = false;
        }

        if (TwoSidedTest)
        {
            if (MeanDecreased(DriftConfidence))
            {
                DriftDetected = true;
            }
            else if (MeanDecreased(WarningConfidence))
            {
                WarningDetected = true;
            }
        }
    }

    private double HoeffdingBound(double n) => Math.Sqrt(1.0 / (2 * n) * Math.Log(1.0 / DriftConfidence));

    private bool MeanIncreased(double confidence)
    {
        if (_xMin.N == _z.N)
        {
            return false;
        }

        double m = (_z.N - _xMin.N) / _xMin.N * (1.0 / _z.N);
        double eps = Math.Sqrt(m / 2 * Math.Log(2.0 / confidence));
        return _z.Value - _xMin.Value >= eps;
    }

    private bool MeanDecreased(double confidence)
    {
        if (_xMax.N == _z.N)
        {
            return false;
        }

        double m = (_z.N - _xMax.N) / _xMax.N * (1.0 / _z.N);
        double eps = Math.Sqrt(m / 2 * Math.Log(2.0 / confidence));
        return _xMax.Value - _z.Value >= eps;
    }

    public override void Reset()
    {
        _z = default;
        _xMin = default;
        _xMax = default;
        DriftDetected = false;
        WarningDetected = false;
    }

    public override DriftDetector CloneFresh() => new HDDM_A(DriftConfidence, WarningConfidence, TwoSidedTest);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(HDDM_A), StateVersion);
        _z.Write(writer);
        _xMin.Write(writer);
        _xMax.Write(writer);
        writer.WriteBoolean(DriftDetected);
        writer.WriteBoolean(WarningDetected);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(HDDM_A), StateVersion);
        Mean z = Mean.Read(reader);
        Mean xMin = Mean.Read(reader);
        Mean xMax = Mean.Read(reader);
        bool drift = reader.ReadBoolean();
        bool warning = reader.ReadBoolean();
        StateReader.Require(xMin.N <= z.N && xMax.N <= z.N, "HDDM_A: a cut point lies after the stream.");
        _z = z;
        _xMin = xMin;
        _xMax = xMax;
        DriftDetected = drift;
        WarningDetected = warning;
    }

    public override string ToString() =>
        $"HDDM_A(drift_confidence={PythonFloat.Repr(DriftConfidence)}, warning_confidence={PythonFloat.Repr(WarningConfidence)}, " +
        $"two_sided_test={(TwoSidedTest ? "True" : "False")})";

    /// <summary>River's <c>stats.Mean</c> of bits; a value type, so River's <c>clone()</c> of it is an assignment.</summary>
    private struct Mean
    {
        public double N;
        public double Value;

        public void Update(double x)
        {
            N += 1.0;
            Value += (1.0 / N) * (x - Value);
        }

        public readonly void Write(StateWriter writer)
        {
            writer.WriteDouble(N);
            writer.WriteDouble(Value);
        }

        public static Mean Read(StateReader reader)
        {
            var mean = new Mean { N = reader.ReadDouble(), Value = reader.ReadDouble() };
            StateReader.Require(double.IsFinite(mean.N) && mean.N >= 0 && Math.Floor(mean.N) == mean.N, "HDDM_A: invalid count.");
            StateReader.Require(mean.Value >= 0 && mean.Value <= 1, "HDDM_A: a mean of bits is not in [0, 1].");
            return mean;
        }
    }
}
