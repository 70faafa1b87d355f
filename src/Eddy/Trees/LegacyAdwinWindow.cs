using Eddy.Drift;
using Eddy.Serialization;

namespace Eddy.Trees;

/// <summary>
/// The ADWIN window River 0.12.1's adaptive tree nodes kept (<c>drift.adwin_c.AdaptiveWindowing</c> of that release):
/// its mean and width are the node's error estimate, and a cut is the node's drift signal. Bifet and Gavaldà (2007).
/// </summary>
/// <remarks>
/// Two differences from <see cref="ADWIN"/> (River's current detector) decide the adaptive trees' numbers, so the
/// trees keep this copy: the cut search skips the newest bucket of each row, and a detected drift only shrinks the
/// window (the current detector restarts empty on the next value).
/// </remarks>
internal sealed class LegacyAdwinWindow
{
    private const byte StateVersion = 1;
    private const int MaxRows = 62;
    private readonly ADWIN _settings;
    private readonly AdwinBuckets _buckets;
    private double _total;
    private double _variance;
    private long _tick;

    public LegacyAdwinWindow(ADWIN settings)
    {
        _settings = settings;
        _buckets = new AdwinBuckets(settings.MaxBuckets);
    }

    public double Width { get; private set; }

    public double Estimation => Width == 0 ? 0.0 : _total / Width;

    /// <summary>True when the new finite value's window statistics stay finite.</summary>
    public bool CanUpdate(double x)
    {
        double width = Width + 1;
        double mean = width > 1.0 ? _total / (width - 1.0) : 0.0;
        return double.IsFinite(_variance + ((width - 1.0) * (x - mean) * (x - mean) / width)) && double.IsFinite(_total + x);
    }

    /// <summary>Adds a value; true when a cut (drift) shrank the window.</summary>
    public bool Update(double x)
    {
        _buckets.Insert(0, x, 0.0);
        Width += 1;
        if (Width > 1.0)
        {
            _variance += (Width - 1.0) * (x - (_total / (Width - 1.0))) * (x - (_total / (Width - 1.0))) / Width;
        }

        _total += x;
        Compress();
        return DetectChange();
    }

    public long EstimateBytes() => 64 + (16L * (_settings.MaxBuckets + 1) * _buckets.RowCount);

    public void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(LegacyAdwinWindow), StateVersion);
        writer.WriteDouble(Width);
        writer.WriteDouble(_total);
        writer.WriteDouble(_variance);
        writer.WriteInt64(_tick);
        writer.WriteInt32(_buckets.RowCount);
        for (int row = 0; row < _buckets.RowCount; row++)
        {
            writer.WriteInt32(_buckets.Count(row));
            for (int k = 0; k < _buckets.Count(row); k++)
            {
                writer.WriteDouble(_buckets.Total(row, k));
                writer.WriteDouble(_buckets.Variance(row, k));
            }
        }
    }

    public static LegacyAdwinWindow Read(StateReader reader, ADWIN settings)
    {
        reader.ReadHeader(nameof(LegacyAdwinWindow), StateVersion);
        var window = new LegacyAdwinWindow(settings)
        {
            Width = reader.ReadDouble(),
            _total = reader.ReadDouble(),
            _variance = reader.ReadDouble(),
            _tick = reader.ReadInt64(),
        };
        int rows = reader.ReadInt32();
        StateReader.Require(rows is >= 1 and <= MaxRows && window._tick >= 0, "Invalid ADWIN window in a tree node.");
        double counted = 0;
        for (int row = 0; row < rows; row++)
        {
            int r = row == 0 ? 0 : window._buckets.AddRow();
            int count = reader.ReadInt32();
            StateReader.Require(count >= 0 && count <= settings.MaxBuckets + 1, "Invalid ADWIN bucket count in a tree node.");
            for (int k = 0; k < count; k++)
            {
                window._buckets.Insert(r, reader.ReadDouble(), reader.ReadDouble());
            }

            counted += count * Math.Pow(2, row);
        }

        StateReader.Require(counted == window.Width && double.IsFinite(window._total), "ADWIN window width mismatch in a tree node.");
        return window;
    }

    private void Compress()
    {
        for (int row = 0; row < _buckets.RowCount; row++)
        {
            if (_buckets.Count(row) != _settings.MaxBuckets + 1)
            {
                break;
            }

            int next = row + 1 < _buckets.RowCount ? row + 1 : _buckets.AddRow();
            double n = Math.Pow(2, row);
            double mu1 = _buckets.Total(row, 0) / n;
            double mu2 = _buckets.Total(row, 1) / n;
            double total12 = _buckets.Total(row, 0) + _buckets.Total(row, 1);
            double variance12 = _buckets.Variance(row, 0) + _buckets.Variance(row, 1) + (n * n * (mu1 - mu2) * (mu1 - mu2) / (n + n));
            _buckets.Insert(next, total12, variance12);
            _buckets.RemoveOldest(row, 2);
            if (_buckets.Count(next) <= _settings.MaxBuckets)
            {
                break;
            }
        }
    }

    private bool DetectChange()
    {
        bool changed = false;
        _tick++;
        if (_tick % _settings.Clock != 0 || !(Width > _settings.GracePeriod))
        {
            return false;
        }

        bool reduce = true;
        while (reduce)
        {
            reduce = false;
            bool exit = false;
            double n0 = 0.0, n1 = Width, u0 = 0.0, u1 = _total;
            for (int row = _buckets.RowCount - 1; row >= 0 && !exit; row--)
            {
                double size = Math.Pow(2, row);

                // River 0.12.1 loops over range(current_idx - 1): the newest bucket of each row is never a cut.
                for (int k = 0; k < _buckets.Count(row) - 1; k++)
                {
                    n0 += size;
                    n1 -= size;
                    u0 += _buckets.Total(row, k);
                    u1 -= _buckets.Total(row, k);
                    double deltaMean = (u0 / n0) - (u1 / n1);
                    if (n1 >= _settings.MinWindowLength && n0 >= _settings.MinWindowLength && Cut(n0, n1, deltaMean))
                    {
                        reduce = true;
                        changed = true;
                        if (Width > 0)
                        {
                            DeleteOldest();
                            exit = true;
                            break;
                        }
                    }
                }
            }
        }

        return changed;
    }

    private bool Cut(double n0, double n1, double deltaMean)
    {
        double deltaPrime = Math.Log(2 * Math.Log(Width) / _settings.Delta);
        double mRecip = (1.0 / (n0 - _settings.MinWindowLength + 1)) + (1.0 / (n1 - _settings.MinWindowLength + 1));
        double epsilon = Math.Sqrt(2 * mRecip * (_variance / Width) * deltaPrime) + (2.0 / 3.0 * deltaPrime * mRecip);
        return Math.Abs(deltaMean) > epsilon;
    }

    private void DeleteOldest()
    {
        int last = _buckets.RowCount - 1;
        double n = Math.Pow(2, last);
        double u = _buckets.Total(last, 0);
        double mu = u / n;
        double v = _buckets.Variance(last, 0);
        Width -= n;
        _total -= u;
        double muWindow = _total / Width;
        _variance -= v + (n * Width * (mu - muWindow) * (mu - muWindow) / (n + Width));
        _buckets.RemoveOldest(last, 1);
        if (_buckets.Count(last) == 0)
        {
            _buckets.PopRow();
        }
    }
}
