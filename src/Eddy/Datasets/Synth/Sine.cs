using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.Sine</c>. Two uniform features labelled by a sine curve (SINE1 <c>x0 &lt; sin(x1)</c>,
/// SINE2 <c>x0 &lt; 0.5 + 0.3·sin(3πx1)</c>, or their reversals), optionally with two uniform noise features.
/// Gama et al. (2004).
/// </summary>
/// <remarks>
/// Features <c>"0"</c>…<c>"3"</c>; labels are the integers 0 and 1. <see cref="GenerateDrift"/> changes
/// <see cref="ClassificationFunction"/> for good; <see cref="Restart"/> only re-seeds, as River's <c>iter</c> does.
/// </remarks>
public sealed class Sine : SyntheticStream
{
    private readonly PythonRandom _rng;
    private bool _nextClassShouldBeZero;

    public Sine(int classificationFunction = 0, long? seed = null, bool balanceClasses = false, bool hasNoise = false)
        : base(nameof(Sine), TaskKind.BinaryClassification, 2, IndexNames(hasNoise ? 4 : 2))
    {
        if (classificationFunction is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(classificationFunction), classificationFunction, "Valid values are: 0, 1, 2, 3.");
        }

        ClassificationFunction = classificationFunction;
        BalanceClasses = balanceClasses;
        HasNoise = hasNoise;
        Seed = ResolveSeed(seed);
        _rng = new PythonRandom(Seed);
    }

    public int ClassificationFunction { get; private set; }

    public bool BalanceClasses { get; }

    public bool HasNoise { get; }

    public long Seed { get; }

    public override void Restart()
    {
        _rng.Seed(Seed);
        _nextClassShouldBeZero = false;
    }

    /// <summary>River's <c>generate_drift</c>: switches to another classification function drawn at random.</summary>
    public void GenerateDrift()
    {
        int next = (int)_rng.RandInt(0, 3);
        while (next == ClassificationFunction)
        {
            next = (int)_rng.RandInt(0, 3);
        }

        ClassificationFunction = next;
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        int label;
        while (true)
        {
            values[0] = _rng.NextDouble();
            values[1] = _rng.NextDouble();
            label = Classify(ClassificationFunction, values[0], values[1]);
            if (!BalanceClasses || (_nextClassShouldBeZero ? label == 0 : label == 1))
            {
                break;
            }
        }

        if (BalanceClasses)
        {
            _nextClassShouldBeZero = !_nextClassShouldBeZero;
        }

        if (HasNoise)
        {
            values[2] = _rng.NextDouble();
            values[3] = _rng.NextDouble();
        }

        y = Label.FromInteger(label);
        return true;
    }

    private static int Classify(int function, double att1, double att2) => function switch
    {
        0 => att1 >= Math.Sin(att2) ? 0 : 1,
        1 => att1 < Math.Sin(att2) ? 0 : 1,
        2 => att1 >= 0.5 + (0.3 * Math.Sin(3 * Math.PI * att2)) ? 0 : 1,
        _ => att1 < 0.5 + (0.3 * Math.Sin(3 * Math.PI * att2)) ? 0 : 1,
    };
}
