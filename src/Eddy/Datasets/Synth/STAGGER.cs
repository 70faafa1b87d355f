using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.STAGGER</c>. Objects of a size, colour and shape (each 0, 1 or 2) labelled by one of
/// three boolean concepts: small and red; green or circle; medium or large. Schlimmer and Granger (1986).
/// </summary>
/// <remarks>
/// Features <c>"size"</c>, <c>"color"</c>, <c>"shape"</c> are the integer codes River yields; labels are the integers
/// 0 and 1. <see cref="GenerateDrift"/> changes <see cref="ClassificationFunction"/> for good.
/// </remarks>
public sealed class STAGGER : SyntheticStream
{
    private readonly PythonRandom _rng;
    private bool _nextClassShouldBeZero;

    public STAGGER(int classificationFunction = 0, long? seed = null, bool balanceClasses = false)
        : base(nameof(STAGGER), TaskKind.BinaryClassification, 2, ["size", "color", "shape"])
    {
        if (classificationFunction is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classificationFunction), classificationFunction, "Valid values are: 0, 1, 2.");
        }

        ClassificationFunction = classificationFunction;
        BalanceClasses = balanceClasses;
        Seed = ResolveSeed(seed);
        _rng = new PythonRandom(Seed);
    }

    public int ClassificationFunction { get; private set; }

    public bool BalanceClasses { get; }

    public long Seed { get; }

    public override void Restart()
    {
        _rng.Seed(Seed);
        _nextClassShouldBeZero = false;
    }

    /// <summary>River's <c>generate_drift</c>: switches to another concept drawn at random.</summary>
    public void GenerateDrift()
    {
        int next = (int)_rng.RandInt(0, 2);
        while (next == ClassificationFunction)
        {
            next = (int)_rng.RandInt(0, 2);
        }

        ClassificationFunction = next;
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        long size, color, shape;
        int label;
        while (true)
        {
            size = _rng.RandInt(0, 2);
            color = _rng.RandInt(0, 2);
            shape = _rng.RandInt(0, 2);
            label = ClassificationFunction switch
            {
                0 => size == 0 && color == 0 ? 1 : 0,
                1 => color == 2 || shape == 0 ? 1 : 0,
                _ => size is 1 or 2 ? 1 : 0,
            };
            if (!BalanceClasses || (_nextClassShouldBeZero ? label == 0 : label == 1))
            {
                break;
            }
        }

        if (BalanceClasses)
        {
            _nextClassShouldBeZero = !_nextClassShouldBeZero;
        }

        values[0] = size;
        values[1] = color;
        values[2] = shape;
        y = Label.FromInteger(label);
        return true;
    }
}
