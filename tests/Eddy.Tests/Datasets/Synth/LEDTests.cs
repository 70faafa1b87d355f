using Eddy.Base;
using Eddy.Datasets;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class LEDTests
{
    [Fact]
    public void Take_DocstringSeed112_MatchesRiver()
    {
        Doctest.AssertTake(
            new LED(seed: 112, noisePercentage: 0.28, irrelevantFeatures: false),
            [
                [1, 0, 1, 0, 0, 1, 0],
                [1, 1, 1, 1, 1, 1, 0],
                [1, 1, 1, 1, 0, 1, 0],
                [0, 0, 1, 0, 0, 1, 0],
                [0, 1, 1, 0, 0, 0, 0],
            ],
            [7, 8, 9, 1, 1],
            0);
    }

    [Fact]
    public void NoNoise_SegmentsSpellTheDigit()
    {
        double[][] digits =
        [
            [1, 1, 1, 0, 1, 1, 1], [0, 0, 1, 0, 0, 1, 0], [1, 0, 1, 1, 1, 0, 1], [1, 0, 1, 1, 0, 1, 1], [0, 1, 1, 1, 0, 1, 0],
            [1, 1, 0, 1, 0, 1, 1], [1, 1, 0, 1, 1, 1, 1], [1, 0, 1, 0, 0, 1, 0], [1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 1, 1],
        ];
        foreach ((double[] x, Label y) in Doctest.Draw(new LED(seed: 5), 300))
        {
            Assert.Equal(digits[(int)y.ToDouble()], x);
        }
    }

    [Fact]
    public void IrrelevantFeatures_TwentyFourBits()
    {
        var led = new LED(seed: 5, irrelevantFeatures: true);
        Assert.Equal(24, led.NFeatures);
        Assert.Equal(TaskKind.MultiClassClassification, led.Task);
        foreach ((double[] x, Label _) in Doctest.Draw(led, 300))
        {
            Assert.All(x, v => Assert.True(v is 0 or 1));
        }
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() =>
        Doctest.AssertDeterministic(() => new LED(seed: 3, noisePercentage: 0.1, irrelevantFeatures: true));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Constructor_BadNoise_Throws(double noise)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LED(1, noise));
    }
}
