using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.LED</c>. The seven segments of a digit on an LED display, each inverted with the
/// noise probability, optionally followed by 17 random irrelevant bits; the label is the digit. Breiman et al. (1984).
/// </summary>
/// <remarks>
/// As River's code, a segment is inverted when <c>0.01 + U ≤ noise_percentage</c>. Features <c>"0"</c>…<c>"6"</c>
/// (…<c>"23"</c> with irrelevant features) are 0/1 numbers; labels are the integers 0–9.
/// </remarks>
public sealed class LED : SyntheticStream
{
    internal const int RelevantFeatures = 7;
    internal const int AllFeatures = 24;

    private static readonly byte[] s_segments =
    [
        1, 1, 1, 0, 1, 1, 1,
        0, 0, 1, 0, 0, 1, 0,
        1, 0, 1, 1, 1, 0, 1,
        1, 0, 1, 1, 0, 1, 1,
        0, 1, 1, 1, 0, 1, 0,
        1, 1, 0, 1, 0, 1, 1,
        1, 1, 0, 1, 1, 1, 1,
        1, 0, 1, 0, 0, 1, 0,
        1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 0, 1, 1,
    ];

    private static readonly int[] s_identity = [.. Enumerable.Range(0, AllFeatures)];

    private readonly PythonRandom _rng;

    public LED(long? seed = null, double noisePercentage = 0.0, bool irrelevantFeatures = false)
        : base(nameof(LED), TaskKind.MultiClassClassification, 10, IndexNames(irrelevantFeatures ? AllFeatures : RelevantFeatures))
    {
        NoisePercentage = RequireUnit(noisePercentage, nameof(noisePercentage));
        IrrelevantFeatures = irrelevantFeatures;
        Seed = ResolveSeed(seed);
        _rng = new PythonRandom(Seed);
    }

    public double NoisePercentage { get; }

    public bool IrrelevantFeatures { get; }

    public long Seed { get; }

    public override void Restart() => _rng.Seed(Seed);

    /// <summary>Segment <paramref name="segment"/> of <paramref name="digit"/> as drawn, 0 or 1.</summary>
    internal static int Segment(int digit, int segment) => s_segments[(digit * RelevantFeatures) + segment];

    /// <summary>
    /// One LED example in River's draw order into <paramref name="values"/>, feature <c>i</c> written at
    /// <c>positions[i]</c> (LEDDrift swaps relevant and irrelevant positions).
    /// </summary>
    internal static int Draw(PythonRandom rng, double noisePercentage, bool irrelevant, ReadOnlySpan<int> positions, Span<double> values)
    {
        int digit = (int)rng.RandInt(0, 9);
        for (int i = 0; i < RelevantFeatures; i++)
        {
            int segment = Segment(digit, i);
            values[positions[i]] = 0.01 + rng.NextDouble() <= noisePercentage ? 1 - segment : segment;
        }

        if (irrelevant)
        {
            for (int i = RelevantFeatures; i < AllFeatures; i++)
            {
                values[positions[i]] = rng.Choice(2);
            }
        }

        return digit;
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        y = Label.FromInteger(Draw(_rng, NoisePercentage, IrrelevantFeatures, s_identity, values));
        return true;
    }
}
