using Eddy.Base;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class SEATests
{
    [Fact]
    public void Take_DocstringSeed42_MatchesRiver()
    {
        Doctest.AssertTake(
            new SEA(variant: 0, seed: 42),
            [
                [6.39426, 0.25010, 2.75029],
                [2.23210, 7.36471, 6.76699],
                [8.92179, 0.86938, 4.21921],
                [0.29797, 2.18637, 5.05355],
                [0.26535, 1.98837, 6.49884],
            ],
            [false, true, true, false, false],
            5);
    }

    [Fact]
    public void Features_NamedAsRiverKeys_ThreeUniformNumbers()
    {
        var sea = new SEA(seed: 1);
        Assert.Equal(["0", "1", "2"], sea.FeatureNames);
        foreach ((double[] x, Label _) in Doctest.Draw(sea, 1000))
        {
            Assert.All(x, v => Assert.InRange(v, 0.0, 10.0));
        }
    }

    [Theory]
    [InlineData(0, 8.0)]
    [InlineData(1, 9.0)]
    [InlineData(2, 7.0)]
    [InlineData(3, 9.5)]
    public void Variant_NoNoise_LabelIsSumAboveThreshold(int variant, double threshold)
    {
        foreach ((double[] x, Label y) in Doctest.Draw(new SEA(variant, seed: 7), 1000))
        {
            Assert.Equal(Label.FromBoolean(x[0] + x[1] > threshold), y);
        }
    }

    [Fact]
    public void Noise_Half_FlipsAboutHalfTheLabels()
    {
        int flipped = 0;
        foreach ((double[] x, Label y) in Doctest.Draw(new SEA(noise: 0.5, seed: 3), 4000))
        {
            flipped += Label.FromBoolean(x[0] + x[1] > 8) == y ? 0 : 1;
        }

        Assert.InRange(flipped, 1800, 2200);
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() => Doctest.AssertDeterministic(() => new SEA(variant: 2, noise: 0.1, seed: 5));

    [Theory]
    [InlineData(-1, 0.0)]
    [InlineData(4, 0.0)]
    [InlineData(0, -0.1)]
    [InlineData(0, 1.5)]
    [InlineData(0, double.NaN)]
    public void Constructor_BadArguments_Throw(int variant, double noise)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SEA(variant, noise, seed: 1));
    }
}
