using Eddy.Base;
using Eddy.Datasets;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class RandomRBFTests
{
    [Fact]
    public void Take_DocstringSeeds42_MatchesRiver()
    {
        Doctest.AssertTake(
            new RandomRBF(seedModel: 42, seedSample: 42, nClasses: 4, nFeatures: 4, nCentroids: 20),
            [
                [1.0989, 0.3840, 0.7759, 0.6592],
                [0.2366, 1.3233, 0.5691, 0.2083],
                [1.3540, -0.3306, 0.1683, 0.8865],
                [0.2585, -0.2217, 0.4739, 0.6522],
                [0.1295, 0.5953, 0.1774, 0.6673],
            ],
            [2, 0, 0, 0, 1],
            4);
    }

    [Fact]
    public void Labels_WithinClassCount_MultiClassTask()
    {
        var rbf = new RandomRBF(seedModel: 1, seedSample: 2, nClasses: 5, nFeatures: 3, nCentroids: 10);
        Assert.Equal(TaskKind.MultiClassClassification, rbf.Task);
        Assert.Equal(["0", "1", "2"], rbf.FeatureNames);
        var seen = new HashSet<Label>();
        foreach ((double[] _, Label y) in Doctest.Draw(rbf, 2000))
        {
            Assert.InRange(y.ToDouble(), 0, 4);
            seen.Add(y);
        }

        Assert.True(seen.Count > 1);
    }

    [Fact]
    public void SeedSample_Changes_SameCentroidsOtherSamples()
    {
        List<(double[] X, Label Y)> a = Doctest.Draw(new RandomRBF(seedModel: 3, seedSample: 1), 50);
        List<(double[] X, Label Y)> b = Doctest.Draw(new RandomRBF(seedModel: 3, seedSample: 2), 50);
        Assert.NotEqual(a[0].X, b[0].X);
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() =>
        Doctest.AssertDeterministic(() => new RandomRBF(seedModel: 5, seedSample: 6, nClasses: 3, nFeatures: 7, nCentroids: 13));

    [Theory]
    [InlineData(0, 10, 50)]
    [InlineData(2, 0, 50)]
    [InlineData(2, 10, 0)]
    public void Constructor_BadArguments_Throw(int nClasses, int nFeatures, int nCentroids)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRBF(1, 1, nClasses, nFeatures, nCentroids));
    }
}
