using Eddy.Base;
using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Drift;

/// <summary>
/// River: <c>drift.PageHinkley</c>. Page (1954); two-sided as in Sebastião &amp; Fernandes (2017). Accumulates each
/// value's deviation from the running mean with a forgetting factor and reports a drift when the cumulative increase
/// (or decrease) since its extreme exceeds the threshold.
/// </summary>
/// <remarks>
/// River starts the running maximum of the decreasing sum at -1 (not -∞); kept, since it decides early detections.
/// </remarks>
public sealed class PageHinkley : DriftDetector
{
    private const byte StateVersion = 1;

    private readonly bool _testIncrease;
    private readonly bool _testDecrease;

    private double _count;
    private double _mean;
    private double _sumIncrease;
    private double _sumDecrease;
    private double _minIncrease = double.PositiveInfinity;
    private double _maxDecrease = -1;

    /// <param name="minInstances">Values seen before a drift can be reported (River: <c>min_instances</c>).</param>
    /// <param name="delta">Tolerated deviation per value.</param>
    /// <param name="threshold">The detection threshold (lambda).</param>
    /// <param name="alpha">Forgetting factor of the cumulative sums.</param>
    /// <param name="mode"><c>"up"</c> (increases), <c>"down"</c> (decreases) or <c>"both"</c>.</param>
    public PageHinkley(int minInstances = 30, double delta = 0.005, double threshold = 50.0, double alpha = 1 - 0.0001, string mode = "both")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minInstances);
        if (!double.IsFinite(delta))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be finite.");
        }

        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be finite.");
        }

        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in [0, 1].");
        }

        ArgumentNullException.ThrowIfNull(mode);
        (_testIncrease, _testDecrease) = mode switch
        {
            "up" => (true, false),
            "down" => (false, true),
            "both" => (true, true),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be \"up\", \"down\" or \"both\"."),
        };

        MinInstances = minInstances;
        Delta = delta;
        Threshold = threshold;
        Alpha = alpha;
        Mode = mode;
    }

    public int MinInstances { get; }

    public double Delta { get; }

    public double Threshold { get; }

    public double Alpha { get; }

    public string Mode { get; }

    public override void Update(double x)
    {
        ValidateFinite(x);

        // River resets at the top of the update that follows a drift; start from the fresh values in locals so
        // that a refused update leaves the detector exactly as it was.
        bool fresh = DriftDetected;
        double count = (fresh ? 0.0 : _count) + 1.0;
        double previousMean = fresh ? 0.0 : _mean;
        double mean = previousMean + ((1.0 / count) * (x - previousMean));
        double dev = x - mean;
        double sumIncrease = (Alpha * (fresh ? 0.0 : _sumIncrease)) + dev - Delta;
        double sumDecrease = (Alpha * (fresh ? 0.0 : _sumDecrease)) + dev + Delta;
        if (!double.IsFinite(mean) || !double.IsFinite(sumIncrease) || !double.IsFinite(sumDecrease))
        {
            throw new NonFiniteUpdateException(nameof(PageHinkley), "the cumulative sums");
        }

        double previousMin = fresh ? double.PositiveInfinity : _minIncrease;
        double previousMax = fresh ? -1 : _maxDecrease;
        double minIncrease = sumIncrease < previousMin ? sumIncrease : previousMin;
        double maxDecrease = sumDecrease > previousMax ? sumDecrease : previousMax;
        bool drift = false;
        if (count >= MinInstances)
        {
            double testIncrease = sumIncrease - minIncrease;
            double testDecrease = maxDecrease - sumDecrease;
            drift = (_testIncrease && testIncrease > Threshold) || (_testDecrease && testDecrease > Threshold);
        }

        _count = count;
        _mean = mean;
        _sumIncrease = sumIncrease;
        _sumDecrease = sumDecrease;
        _minIncrease = minIncrease;
        _maxDecrease = maxDecrease;
        DriftDetected = drift;
    }

    public override void Reset()
    {
        _count = 0;
        _mean = 0;
        _sumIncrease = 0;
        _sumDecrease = 0;
        _minIncrease = double.PositiveInfinity;
        _maxDecrease = -1;
        DriftDetected = false;
    }

    public override DriftDetector CloneFresh() => new PageHinkley(MinInstances, Delta, Threshold, Alpha, Mode);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(PageHinkley), StateVersion);
        writer.WriteDouble(_count);
        writer.WriteDouble(_mean);
        writer.WriteDouble(_sumIncrease);
        writer.WriteDouble(_sumDecrease);
        writer.WriteDouble(_minIncrease);
        writer.WriteDouble(_maxDecrease);
        writer.WriteBoolean(DriftDetected);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(PageHinkley), StateVersion);
        double count = reader.ReadDouble();
        double mean = reader.ReadDouble();
        double sumIncrease = reader.ReadDouble();
        double sumDecrease = reader.ReadDouble();
        double minIncrease = reader.ReadDouble();
        double maxDecrease = reader.ReadDouble();
        bool drift = reader.ReadBoolean();
        StateReader.Require(double.IsFinite(count) && count >= 0 && Math.Floor(count) == count, "PageHinkley: invalid count.");
        StateReader.Require(double.IsFinite(mean) && double.IsFinite(sumIncrease) && double.IsFinite(sumDecrease), "PageHinkley: non-finite sums.");
        StateReader.Require(double.IsFinite(maxDecrease), "PageHinkley: non-finite maximum.");
        StateReader.Require(
            count == 0 ? double.IsPositiveInfinity(minIncrease) : double.IsFinite(minIncrease),
            "PageHinkley: invalid minimum.");
        _count = count;
        _mean = mean;
        _sumIncrease = sumIncrease;
        _sumDecrease = sumDecrease;
        _minIncrease = minIncrease;
        _maxDecrease = maxDecrease;
        DriftDetected = drift;
    }

    public override string ToString() =>
        $"PageHinkley(min_instances={MinInstances}, delta={PythonFloat.Repr(Delta)}, threshold={PythonFloat.Repr(Threshold)}, " +
        $"alpha={PythonFloat.Repr(Alpha)}, mode='{Mode}')";
}
