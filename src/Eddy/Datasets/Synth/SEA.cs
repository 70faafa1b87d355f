using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.SEA</c>. Three features uniform in [0, 10); the label is <c>x0 + x1 &gt; threshold</c>
/// (8, 9, 7 or 9.5 by variant), flipped with probability <see cref="Noise"/>. Street and Kim (2001).
/// </summary>
/// <remarks>Features <c>"0"</c>, <c>"1"</c>, <c>"2"</c>; labels are booleans, as River yields them.</remarks>
public sealed class SEA : SyntheticStream
{
    private static readonly double[] s_thresholds = [8, 9, 7, 9.5];

    private readonly double _threshold;
    private readonly PythonRandom _rng;

    public SEA(int variant = 0, double noise = 0.0, long? seed = null)
        : base(nameof(SEA), TaskKind.BinaryClassification, 2, IndexNames(3))
    {
        if (variant is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown variant, possible choices are: 0, 1, 2, 3.");
        }

        Variant = variant;
        Noise = RequireUnit(noise, nameof(noise));
        Seed = ResolveSeed(seed);
        _threshold = s_thresholds[variant];
        _rng = new PythonRandom(Seed);
    }

    public int Variant { get; }

    public double Noise { get; }

    public long Seed { get; }

    public override void Restart() => _rng.Seed(Seed);

    protected override bool Generate(Span<double> values, out Label y)
    {
        for (int i = 0; i < 3; i++)
        {
            values[i] = _rng.Uniform(0, 10);
        }

        bool positive = values[0] + values[1] > _threshold;
        if (Noise != 0 && _rng.NextDouble() < Noise)
        {
            positive = !positive;
        }

        y = Label.FromBoolean(positive);
        return true;
    }
}
