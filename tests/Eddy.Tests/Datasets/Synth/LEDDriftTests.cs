using Eddy.Base;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class LEDDriftTests
{
    [Fact]
    public void Take_DocstringSeed112_MatchesRiver()
    {
        Doctest.AssertTake(
            new LEDDrift(seed: 112, noisePercentage: 0.28, irrelevantFeatures: true, nDriftFeatures: 4),
            [
                [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1],
                [1, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0],
                [0, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1],
                [1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1],
                [1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0],
            ],
            [7, 6, 1, 6, 7],
            0);
    }

    [Fact]
    public void NoDriftFeatures_SameAsLED()
    {
        List<(double[] X, Label Y)> led = Doctest.Draw(new LED(seed: 9, noisePercentage: 0.1, irrelevantFeatures: true), 200);
        List<(double[] X, Label Y)> drift = Doctest.Draw(new LEDDrift(seed: 9, noisePercentage: 0.1, irrelevantFeatures: true), 200);
        for (int i = 0; i < led.Count; i++)
        {
            Assert.Equal(led[i].X, drift[i].X);
            Assert.Equal(led[i].Y, drift[i].Y);
        }
    }

    [Fact]
    public void DriftFeatures_NoNoise_SegmentsMovedOutOfPlace()
    {
        var drift = new LEDDrift(seed: 4, irrelevantFeatures: true, nDriftFeatures: 7);
        int mismatches = 0;
        foreach ((double[] x, Label y) in Doctest.Draw(drift, 200))
        {
            mismatches += x.Take(7).SequenceEqual(Segments((int)y.ToDouble())) ? 0 : 1;
            Assert.All(x, v => Assert.True(v is 0 or 1));
        }

        Assert.True(mismatches > 100);
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() =>
        Doctest.AssertDeterministic(() => new LEDDrift(seed: 3, noisePercentage: 0.1, irrelevantFeatures: true, nDriftFeatures: 3));

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LEDDrift(1, 2.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LEDDrift(1, 0.1, true, -1));
    }

    private static double[] Segments(int digit)
    {
        var values = new double[7];
        for (int i = 0; i < 7; i++)
        {
            values[i] = LED.Segment(digit, i);
        }

        return values;
    }
}
