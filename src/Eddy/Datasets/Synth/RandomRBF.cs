using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.RandomRBF</c>. Random centroids (centre, class, spread, weight) drawn from
/// <see cref="SeedModel"/>; each example picks a centroid by weight and offsets it in a random direction by a
/// Gaussian length, drawing from <see cref="SeedSample"/>.
/// </summary>
/// <remarks>Features <c>"0"</c>…; labels are the integers 0 … n_classes − 1.</remarks>
public class RandomRBF : SyntheticStream
{
    private readonly PythonRandom _sampleRng;
    private readonly int[] _labels;
    private readonly double[] _stdDevs;
    private readonly double[] _weights;

    public RandomRBF(long? seedModel = null, long? seedSample = null, int nClasses = 2, int nFeatures = 10, int nCentroids = 50)
        : this(nameof(RandomRBF), seedModel, seedSample, nClasses, nFeatures, nCentroids)
    {
    }

    private protected RandomRBF(string name, long? seedModel, long? seedSample, int nClasses, int nFeatures, int nCentroids)
        : base(name, TaskKind.MultiClassClassification, ValidCount(nClasses, nameof(nClasses)), IndexNames(ValidCount(nFeatures, nameof(nFeatures))))
    {
        NCentroids = ValidCount(nCentroids, nameof(nCentroids));
        SeedModel = ResolveSeed(seedModel);
        SeedSample = ResolveSeed(seedSample);
        _sampleRng = new PythonRandom(SeedSample);
        Centres = new double[nCentroids * nFeatures];
        _labels = new int[nCentroids];
        _stdDevs = new double[nCentroids];
        _weights = new double[nCentroids];
        GenerateCentroids();
    }

    public int NCentroids { get; }

    public long SeedModel { get; }

    public long SeedSample { get; }

    /// <summary>Centroid centres, row-major (centroid × feature).</summary>
    private protected double[] Centres { get; }

    public override void Restart()
    {
        GenerateCentroids();
        _sampleRng.Seed(SeedSample);
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        int centroid = RandomIndexBasedOnWeights();
        double magnitude = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (_sampleRng.NextDouble() * 2.0) - 1.0;
            magnitude += values[i] * values[i];
        }

        // Python's magnitude**0.5 is C's pow, which need not round as sqrt does.
        magnitude = Math.Pow(magnitude, 0.5);
        double desiredMagnitude = _sampleRng.Gauss(0, 1) * _stdDevs[centroid];
        double scale = desiredMagnitude / magnitude;
        int offset = centroid * values.Length;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Centres[offset + i] + (values[i] * scale);
        }

        y = Label.FromInteger(_labels[centroid]);
        return true;
    }

    private protected static int ValidCount(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be at least 1.");

    private void GenerateCentroids()
    {
        var rng = new PythonRandom(SeedModel);
        int nFeatures = NFeatures;
        for (int i = 0; i < NCentroids; i++)
        {
            for (int j = 0; j < nFeatures; j++)
            {
                Centres[(i * nFeatures) + j] = rng.NextDouble();
            }

            _labels[i] = (int)rng.RandInt(0, NClasses - 1);
            _stdDevs[i] = rng.NextDouble();
            _weights[i] = rng.NextDouble();
        }
    }

    private int RandomIndexBasedOnWeights()
    {
        double value = _sampleRng.NextDouble() * PythonSum.Of(_weights);
        int index = 0;
        double sum = 0.0;
        while (sum <= value && index < _weights.Length)
        {
            sum += _weights[index];
            index++;
        }

        return index - 1;
    }
}
