using Eddy.Base;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class RandomRBFDriftTests
{
    [Fact]
    public void Take_DocstringSeeds42_MatchesRiver()
    {
        Doctest.AssertTake(
            new RandomRBFDrift(seedModel: 42, seedSample: 42, nClasses: 4, nFeatures: 4, nCentroids: 20, changeSpeed: 0.87, nDriftCentroids: 10),
            [
                [1.0989, 0.3840, 0.7759, 0.6592],
                [1.1496, 1.9014, 1.5393, 0.3210],
                [0.7146, -0.2414, 0.8933, 1.6633],
                [0.3797, -0.1027, 0.8717, 1.1635],
                [0.1295, 0.5953, 0.1774, 0.6673],
            ],
            [2, 0, 0, 0, 1],
            4);
    }

    [Fact]
    public void ChangeSpeedZero_SameAsRandomRBF()
    {
        List<(double[] X, Label Y)> still = Doctest.Draw(new RandomRBF(seedModel: 3, seedSample: 4, nCentroids: 8), 300);
        List<(double[] X, Label Y)> drift = Doctest.Draw(new RandomRBFDrift(seedModel: 3, seedSample: 4, nCentroids: 8, nDriftCentroids: 8), 300);
        for (int i = 0; i < still.Count; i++)
        {
            Assert.Equal(still[i].X, drift[i].X);
            Assert.Equal(still[i].Y, drift[i].Y);
        }
    }

    [Fact]
    public void NDriftCentroids_AboveCentroids_LoweredAsRiverDoes()
    {
        Assert.Equal(5, new RandomRBFDrift(seedModel: 1, seedSample: 1, nCentroids: 5, nDriftCentroids: 9).NDriftCentroids);
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() =>
        Doctest.AssertDeterministic(() => new RandomRBFDrift(seedModel: 7, seedSample: 8, nCentroids: 12, changeSpeed: 0.3, nDriftCentroids: 6));

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRBFDrift(1, 1, changeSpeed: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRBFDrift(1, 1, nDriftCentroids: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRBFDrift(1, 1, nCentroids: 0));
    }
}
