using Eddy.Base;
using Eddy.Datasets.Synth;
using Eddy.Utils;

namespace Eddy.Tests.Datasets.Synth;

public sealed class ConceptDriftStreamTests
{
    [Fact]
    public void Take_DocstringTwoSeasSeed1_MatchesRiver()
    {
        Doctest.AssertTake(
            new ConceptDriftStream(new SEA(variant: 0, seed: 42), new SEA(variant: 1, seed: 42), position: 5, width: 2, seed: 1),
            [
                [6.3942, 0.2501, 2.7502],
                [2.2321, 7.3647, 6.7669],
                [8.9217, 0.8693, 4.2192],
                [0.2979, 2.1863, 5.0535],
                [6.3942, 0.2501, 2.7502],
                [2.2321, 7.3647, 6.7669],
                [8.9217, 0.8693, 4.2192],
                [0.2979, 2.1863, 5.0535],
                [0.2653, 1.9883, 6.4988],
                [5.4494, 2.2044, 5.8926],
            ],
            [false, true, true, false, false, true, true, false, false, false],
            4);
    }

    [Fact]
    public void Next_DrawsEachChildAsRiversSigmoidSays()
    {
        const int Count = 400;
        var mixed = new ConceptDriftStream(new Hyperplane(seed: 1, nFeatures: 3), new Hyperplane(seed: 2, nFeatures: 3), position: 200, width: 50, seed: 7);
        List<(double[] X, Label Y)> before = Doctest.Draw(new Hyperplane(seed: 1, nFeatures: 3), Count);
        List<(double[] X, Label Y)> after = Doctest.Draw(new Hyperplane(seed: 2, nFeatures: 3), Count);
        var rng = new PythonRandom(7);
        int fromBefore = 0;
        int fromAfter = 0;
        foreach ((double[] x, Label y) in Doctest.Draw(mixed, Count))
        {
            long t = fromBefore + fromAfter + 1;
            double probability = 1.0 / (1.0 + Math.Exp(-4.0 * (t - 200) / 50));
            (double[] X, Label Y) expected = rng.NextDouble() > probability ? before[fromBefore++] : after[fromAfter++];
            Assert.Equal(expected.X, x);
            Assert.Equal(expected.Y, y);
        }

        Assert.InRange(fromAfter, 150, 250);
    }

    [Fact]
    public void DriftProbability_Sigmoid_HalfAtPositionAndSaturating()
    {
        var mixed = new ConceptDriftStream(new SEA(seed: 1), new SEA(variant: 3, seed: 2), position: 1000, width: 100, seed: 3);
        Assert.Equal(0.5, mixed.DriftProbability(1000));
        Assert.True(mixed.DriftProbability(1) < 1e-15);
        Assert.True(mixed.DriftProbability(2000) > 1 - 1e-15);
        Assert.Equal(1.0 / (1.0 + Math.Exp(-4.0 * 25 / 100)), mixed.DriftProbability(1025));
    }

    [Theory]
    [InlineData(45.0, 1)]
    [InlineData(1.0, 57)]
    [InlineData(30.0, 1)]
    [InlineData(90.0, 1)]
    [InlineData(0.5, 114)]
    public void Alpha_OverridesWidthAsRiver(double alpha, int width)
    {
        var mixed = new ConceptDriftStream(new SEA(seed: 1), new SEA(seed: 2), width: 999, seed: 1, alpha: alpha);
        Assert.Equal(width, mixed.Width);
    }

    [Fact]
    public void Defaults_AgrawalDriftingToFunctionTwo()
    {
        var mixed = new ConceptDriftStream(seed: 5);
        Assert.Equal(5000, mixed.Position);
        Assert.Equal(1000, mixed.Width);
        Assert.Equal(new Agrawal(seed: 5).FeatureNames, mixed.FeatureNames);
        Assert.Equal(2, Assert.IsType<Agrawal>(mixed.DriftStream).ClassificationFunction);
        Assert.Equal(0, Assert.IsType<Agrawal>(mixed.Stream).ClassificationFunction);
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() =>
        Doctest.AssertDeterministic(() => new ConceptDriftStream(new Sine(0, seed: 1), new Sine(2, seed: 2), position: 100, width: 40, seed: 9));

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConceptDriftStream(new SEA(seed: 1), new SEA(seed: 2), alpha: 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConceptDriftStream(new SEA(seed: 1), new SEA(seed: 2), alpha: 90.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConceptDriftStream(new SEA(seed: 1), new SEA(seed: 2), width: 0));
        Assert.Throws<ArgumentException>(() => new ConceptDriftStream(new SEA(seed: 1), new Agrawal(seed: 2)));
        var sea = new SEA(seed: 1);
        Assert.Throws<ArgumentException>(() => new ConceptDriftStream(sea, sea));
    }
}
