using Eddy.Base;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class HyperplaneTests
{
    [Fact]
    public void Take_DocstringSeed42TwoFeatures_MatchesRiver()
    {
        Doctest.AssertTake(
            new Hyperplane(seed: 42, nFeatures: 2),
            [
                [0.2750, 0.2232],
                [0.0869, 0.4219],
                [0.0265, 0.1988],
                [0.5892, 0.8094],
                [0.3402, 0.1554],
            ],
            [0, 1, 0, 0, 0],
            4);
    }

    [Fact]
    public void Defaults_TenUnitFeaturesBinaryLabels()
    {
        var hyperplane = new Hyperplane(seed: 1);
        Assert.Equal(10, hyperplane.NFeatures);
        Assert.Equal("9", hyperplane.FeatureNames[9]);
        foreach ((double[] x, Label y) in Doctest.Draw(hyperplane, 500))
        {
            Assert.All(x, v => Assert.InRange(v, 0.0, 1.0));
            Assert.True(y == 0 || y == 1);
        }
    }

    [Fact]
    public void NoNoise_LabelsSplitRoughlyEvenly()
    {
        int positives = 0;
        foreach ((double[] _, Label y) in Doctest.Draw(new Hyperplane(seed: 6, noisePercentage: 0.0), 4000))
        {
            positives += y == 1 ? 1 : 0;
        }

        Assert.InRange(positives, 1600, 2400);
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() =>
        Doctest.AssertDeterministic(() => new Hyperplane(seed: 9, nFeatures: 5, nDriftFeatures: 3, magChange: 0.3, sigma: 0.4));

    [Fact]
    public void MagChange_Drifts_StreamDiffersFromStaticPlane()
    {
        List<(double[] X, Label Y)> still = Doctest.Draw(new Hyperplane(seed: 2, noisePercentage: 0.0, magChange: 0.0), 3000);
        List<(double[] X, Label Y)> moving = Doctest.Draw(new Hyperplane(seed: 2, noisePercentage: 0.0, magChange: 0.5), 3000);
        Assert.Equal(still[0].X, moving[0].X);
        Assert.Contains(Enumerable.Range(0, 3000), i => still[i].Y != moving[i].Y);
    }

    [Theory]
    [InlineData(0, 0, 0.0, 0.05, 0.1)]
    [InlineData(3, 4, 0.0, 0.05, 0.1)]
    [InlineData(3, -1, 0.0, 0.05, 0.1)]
    [InlineData(10, 2, 1.5, 0.05, 0.1)]
    [InlineData(10, 2, 0.0, -0.1, 0.1)]
    [InlineData(10, 2, 0.0, 0.05, 2.0)]
    public void Constructor_BadArguments_Throw(int nFeatures, int nDrift, double mag, double noise, double sigma)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Hyperplane(1, nFeatures, nDrift, mag, noise, sigma));
    }
}
