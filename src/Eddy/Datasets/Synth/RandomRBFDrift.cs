using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.RandomRBFDrift</c>. <see cref="RandomRBF"/> whose first
/// <see cref="NDriftCentroids"/> centroids move by <see cref="ChangeSpeed"/> along a unit direction before each
/// example, bouncing off the unit cube's faces.
/// </summary>
/// <remarks>
/// As River's code: the directions are drawn from a second generator seeded with <c>seed_model</c> again, so they
/// repeat the first centroid's draws; a centre that leaves [0, 1] is set to the face it crossed. A
/// <c>n_drift_centroids</c> above <c>n_centroids</c> is lowered to it (River warns and does the same).
/// </remarks>
public sealed class RandomRBFDrift : RandomRBF
{
    private readonly double[] _speeds;

    public RandomRBFDrift(
        long? seedModel = null,
        long? seedSample = null,
        int nClasses = 2,
        int nFeatures = 10,
        int nCentroids = 50,
        double changeSpeed = 0.0,
        int nDriftCentroids = 50)
        : base(nameof(RandomRBFDrift), seedModel, seedSample, nClasses, nFeatures, nCentroids)
    {
        if (!double.IsFinite(changeSpeed))
        {
            throw new ArgumentOutOfRangeException(nameof(changeSpeed), changeSpeed, "The change speed must be finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(nDriftCentroids);
        ChangeSpeed = changeSpeed;
        NDriftCentroids = Math.Min(nDriftCentroids, nCentroids);
        _speeds = new double[NDriftCentroids * nFeatures];
        GenerateSpeeds();
    }

    public double ChangeSpeed { get; }

    public int NDriftCentroids { get; }

    public override void Restart()
    {
        base.Restart();
        GenerateSpeeds();
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        double[] centres = Centres;
        for (int k = 0; k < _speeds.Length; k++)
        {
            centres[k] += _speeds[k] * ChangeSpeed;
            if (centres[k] > 1 || centres[k] < 0)
            {
                centres[k] = centres[k] > 1 ? 1 : 0;
                _speeds[k] = -_speeds[k];
            }
        }

        return base.Generate(values, out y);
    }

    private void GenerateSpeeds()
    {
        var rng = new PythonRandom(SeedModel);
        int nFeatures = NFeatures;
        for (int i = 0; i < NDriftCentroids; i++)
        {
            int offset = i * nFeatures;
            double norm = 0.0;
            for (int j = 0; j < nFeatures; j++)
            {
                _speeds[offset + j] = rng.NextDouble();
                norm += _speeds[offset + j] * _speeds[offset + j];
            }

            norm = Math.Pow(norm, 0.5);
            for (int j = 0; j < nFeatures; j++)
            {
                _speeds[offset + j] /= norm;
            }
        }
    }
}
