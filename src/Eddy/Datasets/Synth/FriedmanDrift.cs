using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.FriedmanDrift</c>. Ten uniform features, of which the first five make Friedman's target
/// <c>10 sin(π x0 x1) + 20 (x2 − ½)² + 10 x3 + 5 x4 + N(0, 1)</c>, with concept drifts at <see cref="Position"/>:
/// local expanding abrupt (<c>"lea"</c>), global recurring abrupt (<c>"gra"</c>) or global and slow gradual
/// (<c>"gsg"</c>). Ikonomovska, Gama &amp; Džeroski (2011).
/// </summary>
/// <remarks>
/// Features <c>"0"</c>…<c>"9"</c>; the target is a number. As River, a second generator seeded alike flips the coin
/// that mixes old and new concepts in a gradual transition, and the formulas keep River's operation order (Python's
/// <c>** 2</c> is <c>pow</c>), so the stream is River's bit for bit.
/// </remarks>
public sealed class FriedmanDrift : SyntheticStream
{
    private static readonly string[] s_driftTypes = ["lea", "gra", "gsg"];
    private readonly PythonRandom _rng;
    private readonly PythonRandom _coin;
    private readonly long _change1;
    private readonly long _change2;
    private readonly long _change3;
    private long _index;

    public FriedmanDrift(string driftType = "lea", long[]? position = null, int transitionWindow = 10_000, long? seed = null)
        : base(nameof(FriedmanDrift), TaskKind.Regression, 0, IndexNames(10))
    {
        if (!s_driftTypes.Contains(driftType))
        {
            throw new ArgumentOutOfRangeException(nameof(driftType), driftType, "Valid options: lea, gra, gsg.");
        }

        position ??= [50_000, 100_000, 150_000];
        bool lea = driftType == "lea";
        if (position.Length > 3 || position.Length < (lea ? 3 : 2))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position.Length, lea ? "lea takes three change points." : "Two change points.");
        }

        _change1 = position[0];
        _change2 = position[1];
        _change3 = lea ? position[2] : long.MaxValue;
        if (!(_change1 < _change2 && _change2 < _change3))
        {
            throw new ArgumentOutOfRangeException(nameof(position), "The change points must increase.");
        }

        if (driftType == "gsg" && (transitionWindow > _change2 - _change1 || transitionWindow > _change3 - _change2))
        {
            throw new ArgumentOutOfRangeException(nameof(transitionWindow), transitionWindow, "Longer than the gap between change points.");
        }

        DriftType = driftType;
        Position = [.. position];
        TransitionWindow = transitionWindow;
        Seed = ResolveSeed(seed);
        _rng = new PythonRandom(Seed);
        _coin = new PythonRandom(Seed);
    }

    public string DriftType { get; }

    public IReadOnlyList<long> Position { get; }

    public int TransitionWindow { get; }

    public long Seed { get; }

    public override void Restart()
    {
        _rng.Seed(Seed);
        _coin.Seed(Seed);
        _index = 0;
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _rng.Uniform(0, 1);
        }

        double target = DriftType switch
        {
            "lea" => LocalExpandingAbrupt(values, _index),
            "gra" => _index < _change1 || _index >= _change2 ? Friedman(values) : Swapped(values),
            _ => GlobalSlowGradual(values, _index),
        };
        y = Label.FromNumber(target + _rng.Gauss(0, 1));
        _index++;
        return true;
    }

    private static double Friedman(ReadOnlySpan<double> x) =>
        (10 * Math.Sin(Math.PI * x[0] * x[1])) + (20 * Math.Pow(x[2] - 0.5, 2)) + (10 * x[3]) + (5 * x[4]);

    private static double Swapped(ReadOnlySpan<double> x) =>
        (10 * Math.Sin(Math.PI * x[3] * x[5])) + (20 * Math.Pow(x[1] - 0.5, 2)) + (10 * x[0]) + (5 * x[2]);

    private static double FirstNew(ReadOnlySpan<double> x) =>
        (10 * Math.Sin(Math.PI * x[3] * x[4])) + (20 * Math.Pow(x[1] - 0.5, 2)) + (10 * x[0]) + (5 * x[2]);

    private static double SecondNew(ReadOnlySpan<double> x) =>
        (10 * Math.Sin(Math.PI * x[1] * x[4])) + (20 * Math.Pow(x[3] - 0.5, 2)) + (10 * x[2]) + (5 * x[0]);

    private double LocalExpandingAbrupt(ReadOnlySpan<double> x, long index)
    {
        if (index >= _change1)
        {
            // Each change point drops one condition, so the drifted regions grow.
            bool third = index >= _change2;
            bool fourth = index >= _change3;
            if (x[1] < 0.3 && x[2] < 0.3 && (fourth || x[3] > 0.7) && (third || x[4] < 0.3))
            {
                return (10 * x[0] * x[1]) + (20 * (x[2] - 0.5)) + (10 * x[3]) + (5 * x[4]);
            }

            if (x[1] > 0.7 && x[2] > 0.7 && (fourth || x[3] < 0.3) && (third || x[4] > 0.7))
            {
                return (10 * Math.Cos(x[0] * x[1])) + (20 * (x[2] - 0.5)) + Math.Exp(x[3]) + (5 * Math.Pow(x[4], 2));
            }
        }

        return Friedman(x);
    }

    private double GlobalSlowGradual(ReadOnlySpan<double> x, long index)
    {
        if (index < _change1)
        {
            return Friedman(x);
        }

        if (index < _change2)
        {
            // The coin is only tossed inside the transition window, as River's short-circuit `and` does.
            return index < _change1 + TransitionWindow && _coin.GetRandBits(1) != 0 ? Friedman(x) : FirstNew(x);
        }

        return index < _change2 + TransitionWindow && _coin.GetRandBits(1) != 0 ? FirstNew(x) : SecondNew(x);
    }
}
