using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.Hyperplane</c>. Uniform features labelled by the side of a hyperplane whose first
/// <see cref="NDriftFeatures"/> weights move by <see cref="MagChange"/> per example, reversing direction with
/// probability <see cref="Sigma"/>. Hulten, Spencer and Domingos (2001).
/// </summary>
/// <remarks>
/// As River's code: the label is <c>Σ wᵢxᵢ ≥ ½Σ wᵢ</c>; noise flips it when <c>0.01 + U ≤ noise_percentage</c> and
/// a direction reverses when <c>0.01 + U ≤ sigma</c>, so the effective rates are 0.01 below the nominal ones.
/// Features <c>"0"</c>…; labels are the integers 0 and 1.
/// </remarks>
public sealed class Hyperplane : SyntheticStream
{
    private readonly PythonRandom _rng;
    private readonly double[] _weights;
    private readonly int[] _changeDirection;

    public Hyperplane(
        long? seed = null, int nFeatures = 10, int nDriftFeatures = 2, double magChange = 0.0, double noisePercentage = 0.05, double sigma = 0.1)
        : base(nameof(Hyperplane), TaskKind.BinaryClassification, 2, IndexNames(ValidFeatures(nFeatures)))
    {
        if (nDriftFeatures < 0 || nDriftFeatures > nFeatures)
        {
            throw new ArgumentOutOfRangeException(nameof(nDriftFeatures), nDriftFeatures, "Valid range is [0, n_features].");
        }

        NDriftFeatures = nDriftFeatures;
        MagChange = RequireUnit(magChange, nameof(magChange));
        NoisePercentage = RequireUnit(noisePercentage, nameof(noisePercentage));
        Sigma = RequireUnit(sigma, nameof(sigma));
        Seed = ResolveSeed(seed);
        _rng = new PythonRandom(Seed);
        _weights = new double[nFeatures];
        _changeDirection = new int[nFeatures];
        Restart();
    }

    public int NDriftFeatures { get; }

    public double MagChange { get; }

    public double NoisePercentage { get; }

    public double Sigma { get; }

    public long Seed { get; }

    public override void Restart()
    {
        _rng.Seed(Seed);
        for (int i = 0; i < _weights.Length; i++)
        {
            _weights[i] = _rng.NextDouble();
            _changeDirection[i] = i < NDriftFeatures ? 1 : 0;
        }
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        double sumWeights = PythonSum.Of(_weights);
        double sumValue = 0;
        for (int i = 0; i < _weights.Length; i++)
        {
            values[i] = _rng.NextDouble();
            sumValue += _weights[i] * values[i];
        }

        int label = sumValue >= sumWeights * 0.5 ? 1 : 0;
        if (0.01 + _rng.NextDouble() <= NoisePercentage)
        {
            label = 1 - label;
        }

        for (int i = 0; i < NDriftFeatures; i++)
        {
            _weights[i] += _changeDirection[i] * MagChange;
            if (0.01 + _rng.NextDouble() <= Sigma)
            {
                _changeDirection[i] = -_changeDirection[i];
            }
        }

        y = Label.FromInteger(label);
        return true;
    }

    private static int ValidFeatures(int nFeatures) =>
        nFeatures >= 1 ? nFeatures : throw new ArgumentOutOfRangeException(nameof(nFeatures), nFeatures, "At least one feature.");
}
