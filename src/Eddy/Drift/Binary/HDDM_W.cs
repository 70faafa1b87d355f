using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Drift.Binary;

/// <summary>
/// River: <c>drift.binary.HDDM_W</c>. Frías-Blanco et al. (2014), "Online and non-parametric drift detection methods
/// based on Hoeffding's bounds" (the W-test, after MOA). Compares exponentially weighted error rates before and after
/// a cut point with McDiarmid's bound; a significant increase (or, two-sided, decrease) is a warning or a drift.
/// </summary>
public sealed class HDDM_W : BinaryDriftDetector
{
    private const byte StateVersion = 1;

    private readonly double _lambdaSquared;
    private readonly double _complementSquared;

    private Sample _total;
    private Sample _s1Decrease;
    private Sample _s1Increase;
    private Sample _s2Decrease;
    private Sample _s2Increase;
    private double _increaseCutpoint = double.PositiveInfinity;
    private double _decreaseCutpoint = double.NegativeInfinity;

    /// <param name="driftConfidence">Confidence of the drift test.</param>
    /// <param name="warningConfidence">Confidence of the warning test.</param>
    /// <param name="lambdaVal">Weight of the newest value in the moving averages.</param>
    /// <param name="twoSidedTest">Also watch for a decrease of the error rate.</param>
    public HDDM_W(double driftConfidence = 0.001, double warningConfidence = 0.005, double lambdaVal = 0.05, bool twoSidedTest = false)
    {
        if (!(driftConfidence > 0 && driftConfidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(driftConfidence), driftConfidence, "driftConfidence must be in (0, 1).");
        }

        if (!(warningConfidence > 0 && warningConfidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(warningConfidence), warningConfidence, "warningConfidence must be in (0, 1).");
        }

        if (!(lambdaVal >= 0 && lambdaVal <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lambdaVal), lambdaVal, "lambdaVal must be in [0, 1].");
        }

        DriftConfidence = driftConfidence;
        WarningConfidence = warningConfidence;
        LambdaVal = lambdaVal;
        TwoSidedTest = twoSidedTest;
        _lambdaSquared = lambdaVal * lambdaVal;

        // Python's (1 - lambd) ** 2 is C's pow.
        _complementSquared = Math.Pow(1 - lambdaVal, 2);
        Reset();
    }

    public double DriftConfidence { get; }

    public double WarningConfidence { get; }

    public double LambdaVal { get; }

    public bool TwoSidedTest { get; }

    public override void Update(bool x)
    {
        if (DriftDetected)
        {
            Reset();
        }

        double value = x ? 1.0 : 0.0;
        Add(ref _total, value);

        double eps = McDiarmidBound(_total.Ibc, DriftConfidence);
        if (_total.Ewma + eps < _increaseCutpoint)
        {
            _increaseCutpoint = _total.Ewma + eps;
            _s1Increase = _total;
            _s2Increase = Sample.Fresh;
        }
        else
        {
            Add(ref _s2Increase, value);
        }

        if (HasMeanChanged(_s1Increase, _s2Increase, DriftConfidence))
        {
            WarningDetected = false;
            DriftDetected = true;
        }
        else if (HasMeanChanged(_s1Increase, _s2Increase, WarningConfidence))
        {
            WarningDetected = true;
            DriftDetected = false;
        }
        else
        {
            WarningDetected = false;
            DriftDetected = false;
        }

        eps = McDiarmidBound(_total.Ibc, DriftConfidence);
        if (_total.Ewma - eps > _decreaseCutpoint)
        {
            _decreaseCutpoint = _total.Ewma - eps;
            _s1Decrease = _total;
            _s2Decrease = Sample.Fresh;
        }
        else
        {
            Add(ref _s2Decrease, value);
        }

        if (TwoSidedTest)
        {
            if (HasMeanChanged(_s2Decrease, _s1Decrease, DriftConfidence))
            {
                DriftDetected = true;
            }
            else if (HasMeanChanged(_s2Decrease, _s1Decrease, WarningConfidence))
            {
                WarningDetected = true;
            }
        }
    }

    private static double McDiarmidBound(double ibc, double confidence) => Math.Sqrt(ibc * Math.Log(1 / confidence) / 2);

    private static bool HasMeanChanged(in Sample sample1, in Sample sample2, double confidence) =>
        sample1.IsInit && sample2.IsInit && sample2.Ewma - sample1.Ewma > McDiarmidBound(sample1.Ibc + sample2.Ibc, confidence);

    /// <summary>River's <c>SampleInfo.update</c>: an <c>EWMean</c> that takes its first non-zero input as is.</summary>
    private void Add(ref Sample sample, double x)
    {
        sample.Ewma = sample.Ewma != 0 ? (LambdaVal * x) + ((1.0 - LambdaVal) * sample.Ewma) : x;
        sample.IsInit = true;
        sample.Ibc = _lambdaSquared + (_complementSquared * sample.Ibc);
    }

    public override void Reset()
    {
        _total = Sample.Fresh;
        _s1Decrease = Sample.Fresh;
        _s1Increase = Sample.Fresh;
        _s2Decrease = Sample.Fresh;
        _s2Increase = Sample.Fresh;
        _increaseCutpoint = double.PositiveInfinity;
        _decreaseCutpoint = double.NegativeInfinity;
        DriftDetected = false;
        WarningDetected = false;
    }

    public override DriftDetector CloneFresh() => new HDDM_W(DriftConfidence, WarningConfidence, LambdaVal, TwoSidedTest);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(HDDM_W), StateVersion);
        _total.Write(writer);
        _s1Decrease.Write(writer);
        _s1Increase.Write(writer);
        _s2Decrease.Write(writer);
        _s2Increase.Write(writer);
        writer.WriteDouble(_increaseCutpoint);
        writer.WriteDouble(_decreaseCutpoint);
        writer.WriteBoolean(DriftDetected);
        writer.WriteBoolean(WarningDetected);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(HDDM_W), StateVersion);
        Sample total = Sample.Read(reader);
        Sample s1Decrease = Sample.Read(reader);
        Sample s1Increase = Sample.Read(reader);
        Sample s2Decrease = Sample.Read(reader);
        Sample s2Increase = Sample.Read(reader);
        double increaseCutpoint = reader.ReadDouble();
        double decreaseCutpoint = reader.ReadDouble();
        bool drift = reader.ReadBoolean();
        bool warning = reader.ReadBoolean();
        StateReader.Require(!double.IsNaN(increaseCutpoint) && !double.IsNaN(decreaseCutpoint), "HDDM_W: NaN cut point.");
        _total = total;
        _s1Decrease = s1Decrease;
        _s1Increase = s1Increase;
        _s2Decrease = s2Decrease;
        _s2Increase = s2Increase;
        _increaseCutpoint = increaseCutpoint;
        _decreaseCutpoint = decreaseCutpoint;
        DriftDetected = drift;
        WarningDetected = warning;
    }

    public override string ToString() =>
        $"HDDM_W(drift_confidence={PythonFloat.Repr(DriftConfidence)}, warning_confidence={PythonFloat.Repr(WarningConfidence)}, " +
        $"lambda_val={PythonFloat.Repr(LambdaVal)}, two_sided_test={(TwoSidedTest ? "True" : "False")})";

    /// <summary>River's <c>SampleInfo</c>; a value type, so River's <c>copy.deepcopy</c> of it is an assignment.</summary>
    private struct Sample
    {
        public double Ewma;
        public bool IsInit;

        /// <summary>The independent bound condition.</summary>
        public double Ibc;

        public static Sample Fresh => new() { Ibc = 1.0 };

        public readonly void Write(StateWriter writer)
        {
            writer.WriteDouble(Ewma);
            writer.WriteBoolean(IsInit);
            writer.WriteDouble(Ibc);
        }

        public static Sample Read(StateReader reader)
        {
            var sample = new Sample { Ewma = reader.ReadDouble(), IsInit = reader.ReadBoolean(), Ibc = reader.ReadDouble() };
            StateReader.Require(sample.Ewma >= 0 && sample.Ewma <= 1, "HDDM_W: a moving average of bits is not in [0, 1].");
            StateReader.Require(sample.Ibc > 0 && sample.Ibc <= 1, "HDDM_W: invalid bound condition.");
            return sample;
        }
    }
}
