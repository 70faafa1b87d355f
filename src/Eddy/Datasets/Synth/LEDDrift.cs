using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.LEDDrift</c>. <see cref="LED"/> whose first <see cref="NDriftFeatures"/> relevant
/// segments trade places with irrelevant features, chosen at random once per pass.
/// </summary>
/// <remarks>
/// As River's code, the swap happens only with irrelevant features and <c>n_drift_features &gt; 0</c>, and costs two
/// draws before the first example: a rotation in [0, 6] of the relevant features and one in [0, 16] of the irrelevant.
/// </remarks>
public sealed class LEDDrift : SyntheticStream
{
    private const int IrrelevantCount = LED.AllFeatures - LED.RelevantFeatures;

    private readonly PythonRandom _rng;
    private readonly int[] _positions = new int[LED.AllFeatures];

    public LEDDrift(long? seed = null, double noisePercentage = 0.0, bool irrelevantFeatures = false, int nDriftFeatures = 0)
        : base(nameof(LEDDrift), TaskKind.MultiClassClassification, 10, IndexNames(irrelevantFeatures ? LED.AllFeatures : LED.RelevantFeatures))
    {
        NoisePercentage = RequireUnit(noisePercentage, nameof(noisePercentage));
        ArgumentOutOfRangeException.ThrowIfNegative(nDriftFeatures);
        IrrelevantFeatures = irrelevantFeatures;
        NDriftFeatures = nDriftFeatures;
        Seed = ResolveSeed(seed);
        _rng = new PythonRandom(Seed);
        Restart();
    }

    public double NoisePercentage { get; }

    public bool IrrelevantFeatures { get; }

    public int NDriftFeatures { get; }

    public long Seed { get; }

    public override void Restart()
    {
        _rng.Seed(Seed);
        for (int i = 0; i < _positions.Length; i++)
        {
            _positions[i] = i;
        }

        if (IrrelevantFeatures && NDriftFeatures > 0)
        {
            int rotation = (int)_rng.RandInt(0, 6);
            int offset = (int)_rng.RandInt(0, IrrelevantCount - 1);
            for (int i = 0; i < NDriftFeatures; i++)
            {
                int relevant = (i + rotation) % LED.RelevantFeatures;
                int irrelevant = LED.RelevantFeatures + ((i + offset) % IrrelevantCount);
                _positions[relevant] = irrelevant;
                _positions[irrelevant] = relevant;
            }
        }
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        // River starts each example at -1 for every key; with many drift features a key can stay unwritten.
        values.Fill(-1);
        y = Label.FromInteger(LED.Draw(_rng, NoisePercentage, IrrelevantFeatures, _positions, values));
        return true;
    }
}
