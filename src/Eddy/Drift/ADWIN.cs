using Eddy.Base;
using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Drift;

/// <summary>
/// River: <c>drift.ADWIN</c> (with <c>drift.adwin_c.AdaptiveWindowing</c>). Bifet &amp; Gavaldà (2007). Keeps a window
/// of recent values as an exponential histogram and drops its oldest part whenever two sub-windows have means that
/// differ by more than a Hoeffding-style bound; a drop is a detected drift.
/// </summary>
/// <remarks>
/// Follows River's current Cython code, which tries every bucket as a cut point (older releases skipped the newest
/// bucket of each row; both give River's documented detection at 1023 on its example stream).
/// </remarks>
public sealed class ADWIN : DriftDetector
{
    private const byte StateVersion = 1;
    private const int MaxRows = 62;

    private AdwinBuckets _buckets;
    private double _width;
    private double _total;
    private double _variance;
    private long _tick;
    private int _nDetections;

    /// <param name="delta">Confidence of each cut test.</param>
    /// <param name="clock">How often (in values) the cuts are checked.</param>
    /// <param name="maxBuckets">Summaries kept per bucket size before two are merged.</param>
    /// <param name="minWindowLength">The shortest sub-window a cut may leave.</param>
    /// <param name="gracePeriod">No check until the window is longer than this.</param>
    public ADWIN(double delta = 0.002, int clock = 32, int maxBuckets = 5, int minWindowLength = 5, int gracePeriod = 10)
    {
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(clock, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBuckets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minWindowLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(gracePeriod);
        Delta = delta;
        Clock = clock;
        MaxBuckets = maxBuckets;
        MinWindowLength = minWindowLength;
        GracePeriod = gracePeriod;
        _buckets = new AdwinBuckets(maxBuckets);
    }

    public double Delta { get; }

    public int Clock { get; }

    public int MaxBuckets { get; }

    public int MinWindowLength { get; }

    public int GracePeriod { get; }

    /// <summary>How many values the window holds.</summary>
    public double Width => _width;

    /// <summary>The sum of the values in the window.</summary>
    public double Total => _total;

    /// <summary>The window's sum of squared deviations from its mean (River's <c>variance</c>).</summary>
    public double Variance => _variance;

    /// <summary>The mean of the window (0 when empty).</summary>
    public double Estimation => _width == 0 ? 0.0 : _total / _width;

    /// <summary>Drifts detected since the last reset (River resets after each drift, so 0 or 1).</summary>
    public int NDetections => _nDetections;

    public override void Update(double x)
    {
        ValidateFinite(x);
        bool fresh = DriftDetected;
        double width = (fresh ? 0.0 : _width) + 1;
        double total = fresh ? 0.0 : _total;
        double increment = 0.0;
        if (width > 1.0)
        {
            increment = (width - 1.0) * (x - (total / (width - 1.0))) * (x - (total / (width - 1.0))) / width;
        }

        double variance = (fresh ? 0.0 : _variance) + increment;
        total += x;
        if (!double.IsFinite(variance) || !double.IsFinite(total))
        {
            throw new NonFiniteUpdateException(nameof(ADWIN), "the window's total or variance");
        }

        if (fresh)
        {
            Reset();
        }

        _buckets.Insert(0, x, 0.0);
        _width = width;
        _variance = variance;
        _total = total;
        CompressBuckets();
        DriftDetected = DetectChange();
    }

    public override void Reset()
    {
        _buckets.Clear();
        _width = 0;
        _total = 0;
        _variance = 0;
        _tick = 0;
        _nDetections = 0;
        DriftDetected = false;
    }

    private static double BucketSize(int row) => 1L << row;

    private void CompressBuckets()
    {
        for (int row = 0; row < _buckets.RowCount; row++)
        {
            if (_buckets.Count(row) != MaxBuckets + 1)
            {
                break;
            }

            int next = row + 1 < _buckets.RowCount ? row + 1 : _buckets.AddRow();
            double n1 = BucketSize(row);
            double mu1 = _buckets.Total(row, 0) / n1;
            double mu2 = _buckets.Total(row, 1) / n1;
            double total12 = _buckets.Total(row, 0) + _buckets.Total(row, 1);
            double variance12 = _buckets.Variance(row, 0) + _buckets.Variance(row, 1) + (n1 * 0.5 * (mu1 - mu2) * (mu1 - mu2));
            _buckets.Insert(next, total12, variance12);
            _buckets.RemoveOldest(row, 2);
            if (_buckets.Count(next) <= MaxBuckets)
            {
                break;
            }
        }
    }

    private bool DetectChange()
    {
        bool changeDetected = false;
        _tick++;
        if (_tick % Clock != 0 || !(_width > GracePeriod))
        {
            return false;
        }

        // River also tracks the two sub-windows' variances here, but never reads them: only the means decide.
        bool reduceWidth = true;
        while (reduceWidth)
        {
            reduceWidth = false;
            bool exit = false;

            // EvaluateCut's δ' depends on the width only, which changes only where this pass ends.
            double deltaPrime = Math.Log(2 * Math.Log(_width) / Delta);
            double n0 = 0.0;
            double n1 = _width;
            double u0 = 0.0;
            double u1 = _total;
            for (int row = _buckets.RowCount - 1; row >= 0 && !exit; row--)
            {
                double size = BucketSize(row);
                int count = _buckets.Count(row);
                for (int k = 0; k < count; k++)
                {
                    double bucketTotal = _buckets.Total(row, k);
                    n0 += size;
                    n1 -= size;
                    u0 += bucketTotal;
                    u1 -= bucketTotal;
                    if (row == 0 && k == count - 1)
                    {
                        exit = true;
                        break;
                    }

                    double deltaMean = (u0 / n0) - (u1 / n1);
                    if (n1 >= MinWindowLength && n0 >= MinWindowLength && EvaluateCut(n0, n1, deltaMean, deltaPrime))
                    {
                        reduceWidth = true;
                        changeDetected = true;
                        if (_width > 0)
                        {
                            n0 -= DeleteOldestBucket();
                            exit = true;
                            break;
                        }
                    }
                }
            }
        }

        if (changeDetected)
        {
            _nDetections++;
        }

        return changeDetected;
    }

    private bool EvaluateCut(double n0, double n1, double deltaMean, double deltaPrime)
    {
        double mRecip = (1.0 / (n0 - MinWindowLength + 1)) + (1.0 / (n1 - MinWindowLength + 1));
        double epsilon = Math.Sqrt(2 * mRecip * (_variance / _width) * deltaPrime) + (2.0 / 3.0 * deltaPrime * mRecip);
        return Math.Abs(deltaMean) > epsilon;
    }

    private double DeleteOldestBucket()
    {
        int last = _buckets.RowCount - 1;
        double n = BucketSize(last);
        double u = _buckets.Total(last, 0);
        double mu = u / n;
        double v = _buckets.Variance(last, 0);
        _width -= n;
        _total -= u;
        double muWindow = _total / _width;
        _variance -= v + (n * _width * (mu - muWindow) * (mu - muWindow) / (n + _width));
        _buckets.RemoveOldest(last, 1);
        if (_buckets.Count(last) == 0)
        {
            _buckets.PopRow();
        }

        return n;
    }

    public override DriftDetector CloneFresh() => new ADWIN(Delta, Clock, MaxBuckets, MinWindowLength, GracePeriod);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(ADWIN), StateVersion);
        writer.WriteBoolean(DriftDetected);
        writer.WriteDouble(_width);
        writer.WriteDouble(_total);
        writer.WriteDouble(_variance);
        writer.WriteInt64(_tick);
        writer.WriteInt32(_nDetections);
        writer.WriteInt32(_buckets.RowCount);
        for (int row = 0; row < _buckets.RowCount; row++)
        {
            int count = _buckets.Count(row);
            writer.WriteInt32(count);
            for (int k = 0; k < count; k++)
            {
                writer.WriteDouble(_buckets.Total(row, k));
                writer.WriteDouble(_buckets.Variance(row, k));
            }
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(ADWIN), StateVersion);
        bool drift = reader.ReadBoolean();
        double width = reader.ReadDouble();
        double total = reader.ReadDouble();
        double variance = reader.ReadDouble();
        long tick = reader.ReadInt64();
        int nDetections = reader.ReadInt32();
        int rows = reader.ReadInt32();
        StateReader.Require(rows >= 1 && rows <= MaxRows, "ADWIN: invalid number of bucket rows.");
        StateReader.Require(double.IsFinite(total) && double.IsFinite(variance), "ADWIN: non-finite window statistics.");
        StateReader.Require(tick >= 0 && nDetections >= 0, "ADWIN: negative counters.");
        var buckets = new AdwinBuckets(MaxBuckets);
        double counted = 0;
        for (int row = 0; row < rows; row++)
        {
            int r = row == 0 ? 0 : buckets.AddRow();
            int count = reader.ReadInt32();
            StateReader.Require(count >= 0 && count <= MaxBuckets, "ADWIN: invalid bucket count.");
            StateReader.Require(count > 0 || row == 0 || row < rows - 1, "ADWIN: the oldest bucket row is empty.");
            for (int k = 0; k < count; k++)
            {
                double t = reader.ReadDouble();
                double v = reader.ReadDouble();
                StateReader.Require(double.IsFinite(t) && double.IsFinite(v), "ADWIN: non-finite bucket.");
                buckets.Insert(r, t, v);
            }

            counted += count * BucketSize(row);
        }

        StateReader.Require(width == counted, "ADWIN: the window width does not match its buckets.");
        _buckets = buckets;
        _width = width;
        _total = total;
        _variance = variance;
        _tick = tick;
        _nDetections = nDetections;
        DriftDetected = drift;
    }

    public override string ToString() =>
        $"ADWIN(delta={PythonFloat.Repr(Delta)}, clock={Clock}, max_buckets={MaxBuckets}, " +
        $"min_window_length={MinWindowLength}, grace_period={GracePeriod})";
}
