using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Eddy.Preprocessing;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Drift;

/// <summary>
/// River: <c>drift.KSWIN</c>. Raab, Heusinger &amp; Schleif (2020), "Reactive Soft Prototype Computing for Concept
/// Drift Streams". Keeps a sliding window; once it is full, compares its newest <c>stat_size</c> values with as many
/// drawn at random from the older part using the two-sample Kolmogorov-Smirnov test, and reports a drift when the
/// p-value is at most <c>alpha</c> and the statistic exceeds 0.1. After a drift the window keeps only the newest values.
/// </summary>
/// <remarks>
/// Draws are CPython's <c>random.Random(seed).sample</c> (<see cref="PythonRandom"/>), and the p-value is SciPy's
/// exact one, so a seeded KSWIN reproduces River's detections. River's <c>seed=None</c> reseeds from entropy at every
/// reset; here a seed is drawn once at construction and kept in the state, so a snapshot replays identically.
/// </remarks>
public sealed class KSWIN : DriftDetector
{
    private const byte StateVersion = 1;

    private readonly double[] _initialWindow;
    private readonly double[] _buffer;
    private readonly int[] _pool;
    private readonly bool[] _chosen;
    private readonly int[] _indices;
    private readonly double[] _sample;
    private readonly double[] _recent;
    private PythonRandom _rng;
    private long _effectiveSeed;
    private int _start;
    private int _count;
    private long _n;
    private double _pValue;

    /// <param name="alpha">Significance of the Kolmogorov-Smirnov test (River advises below 0.01).</param>
    /// <param name="windowSize">Length of the sliding window.</param>
    /// <param name="statSize">Length of the newest part tested, and of the sample drawn from the older part.</param>
    /// <param name="seed">Seed of the sampling; null draws one from entropy, once.</param>
    /// <param name="window">Values to start the window with (River avoids a cold start with them).</param>
    public KSWIN(double alpha = 0.005, int windowSize = 100, int statSize = 30, long? seed = null, IEnumerable<double>? window = null)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(statSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statSize, KolmogorovSmirnov.MaxExactSize);

        // River checks only statSize <= windowSize, then fails at the first full window when the older part is
        // smaller than the sample drawn from it; refuse that here.
        if (windowSize - statSize < statSize)
        {
            throw new ArgumentOutOfRangeException(nameof(windowSize), windowSize, "windowSize must be at least twice statSize.");
        }

        double[] initial = window is null ? [] : [.. window];
        foreach (double value in initial)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(window), value, "The initial window must hold finite values.");
            }
        }

        Alpha = alpha;
        WindowSize = windowSize;
        StatSize = statSize;
        Seed = seed;
        _initialWindow = initial;
        _buffer = new double[windowSize];
        _pool = new int[windowSize - statSize];
        _chosen = new bool[windowSize - statSize];
        _indices = new int[statSize];
        _sample = new double[statSize];
        _recent = new double[statSize];
        _effectiveSeed = seed ?? (BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue);
        _rng = new PythonRandom(_effectiveSeed);
        Reset();

        // As River: the initial values fill the window once, at construction, not at later resets.
        int skip = Math.Max(0, initial.Length - windowSize);
        for (int i = skip; i < initial.Length; i++)
        {
            Append(initial[i]);
        }
    }

    public double Alpha { get; }

    public int WindowSize { get; }

    public int StatSize { get; }

    public long? Seed { get; }

    /// <summary>The p-value of the last test (0 before the window first fills, as River).</summary>
    public double PValue => _pValue;

    /// <summary>Values seen since the last reset.</summary>
    public long N => _n;

    public override void Update(double x)
    {
        ValidateFinite(x);
        if (DriftDetected)
        {
            Reset();
        }

        _n++;
        Append(x);
        if (_count < WindowSize)
        {
            DriftDetected = false;
            return;
        }

        int older = WindowSize - StatSize;
        SampleRange(_rng, older, _indices, _pool, _chosen);
        for (int i = 0; i < StatSize; i++)
        {
            _sample[i] = At(_indices[i]);
            _recent[i] = At(older + i);
        }

        (double statistic, double pValue) = KolmogorovSmirnov.TwoSample(_sample, _recent);
        _pValue = pValue;
        DriftDetected = pValue <= Alpha && statistic > 0.1;
        if (DriftDetected)
        {
            // River's deque(most_recent): the window keeps its newest stat_size values.
            _start = (_start + older) % WindowSize;
            _count = StatSize;
        }
    }

    public override void Reset()
    {
        _start = 0;
        _count = 0;
        _n = 0;
        _pValue = 0;
        _rng.Seed(_effectiveSeed);
        DriftDetected = false;
    }

    private double At(int r) => _buffer[(_start + r) % WindowSize];

    private void Append(double x)
    {
        if (_count < WindowSize)
        {
            _buffer[(_start + _count) % WindowSize] = x;
            _count++;
        }
        else
        {
            _buffer[_start] = x;
            _start = (_start + 1) % WindowSize;
        }
    }

    /// <summary>
    /// <c>random.sample(range(n), k)</c> into <paramref name="result"/> (length k), drawing exactly as
    /// <see cref="PythonRandom.Sample"/> does (from a pool, or by rejection for large n) but with caller-owned scratch
    /// (<paramref name="pool"/> and <paramref name="chosen"/>, length ≥ n, <paramref name="chosen"/> all false), so a
    /// steady-state update allocates nothing.
    /// </summary>
    internal static void SampleRange(PythonRandom rng, int n, Span<int> result, Span<int> pool, Span<bool> chosen)
    {
        int k = result.Length;
        int setSize = 21;
        if (k > 5)
        {
            setSize += (int)Math.Pow(4, Math.Ceiling(Math.Log(k * 3, 4)));
        }

        if (n <= setSize)
        {
            for (int i = 0; i < n; i++)
            {
                pool[i] = i;
            }

            for (int i = 0; i < k; i++)
            {
                int j = (int)rng.RandBelow(n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }

            return;
        }

        for (int i = 0; i < k; i++)
        {
            int j = (int)rng.RandBelow(n);
            while (chosen[j])
            {
                j = (int)rng.RandBelow(n);
            }

            chosen[j] = true;
            result[i] = j;
        }

        for (int i = 0; i < k; i++)
        {
            chosen[result[i]] = false;
        }
    }

    public override DriftDetector CloneFresh() => new KSWIN(Alpha, WindowSize, StatSize, Seed, _initialWindow);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(KSWIN), StateVersion);
        writer.WriteInt64(_effectiveSeed);
        writer.WriteInt64(_n);
        writer.WriteDouble(_pValue);
        writer.WriteBoolean(DriftDetected);
        writer.WriteInt32(_count);
        for (int i = 0; i < _count; i++)
        {
            writer.WriteDouble(At(i));
        }

        _rng.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(KSWIN), StateVersion);
        long effectiveSeed = reader.ReadInt64();
        long n = reader.ReadInt64();
        double pValue = reader.ReadDouble();
        bool drift = reader.ReadBoolean();
        int count = reader.ReadInt32();
        StateReader.Require(count >= 0 && count <= WindowSize, "KSWIN: invalid window length.");
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.ReadDouble();
            StateReader.Require(double.IsFinite(values[i]), "KSWIN: non-finite window value.");
        }

        PythonRandom rng = PythonRandom.ReadState(reader);
        StateReader.Require(Seed is null || Seed == effectiveSeed, "KSWIN: the state was written with another seed.");
        StateReader.Require(effectiveSeed >= 0 && n >= 0, "KSWIN: negative seed or count.");
        StateReader.Require(pValue >= 0 && pValue <= 1, "KSWIN: the p-value is not in [0, 1].");
        _effectiveSeed = effectiveSeed;
        _n = n;
        _pValue = pValue;
        DriftDetected = drift;
        _start = 0;
        _count = count;
        values.CopyTo(_buffer, 0);
        _rng = rng;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"KSWIN(alpha={PythonFloat.Repr(Alpha)}, window_size={WindowSize}, stat_size={StatSize}, ");
        text.Append(CultureInfo.InvariantCulture, $"seed={(Seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "None")}, window=");
        if (_initialWindow.Length == 0)
        {
            text.Append("None");
        }
        else
        {
            text.Append('[').AppendJoin(", ", Array.ConvertAll(_initialWindow, PythonFloat.Repr)).Append(']');
        }

        return text.Append(')').ToString();
    }
}
