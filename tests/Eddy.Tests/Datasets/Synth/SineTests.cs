using Eddy.Base;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class SineTests
{
    [Fact]
    public void Take_DocstringFunction2Seed112_MatchesRiver()
    {
        Doctest.AssertTake(
            new Sine(classificationFunction: 2, seed: 112, balanceClasses: false, hasNoise: true),
            [
                [0.4812, 0.6660, 0.6198, 0.6994],
                [0.9022, 0.7518, 0.1625, 0.2209],
                [0.4547, 0.3901, 0.9629, 0.7287],
                [0.4683, 0.3515, 0.2273, 0.6027],
                [0.9238, 0.1673, 0.4522, 0.3447],
            ],
            [1, 0, 0, 0, 0],
            4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Functions_ReversedPairsDisagreeEverywhere(int function)
    {
        List<(double[] X, Label Y)> a = Doctest.Draw(new Sine(function, seed: 21), 300);
        List<(double[] X, Label Y)> b = Doctest.Draw(new Sine(function ^ 1, seed: 21), 300);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].X, b[i].X);
            Assert.NotEqual(a[i].Y, b[i].Y);
        }
    }

    [Fact]
    public void BalanceClasses_On_LabelsAlternateFromOne()
    {
        List<(double[] X, Label Y)> rows = Doctest.Draw(new Sine(seed: 13, balanceClasses: true), 100);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(Label.FromInteger(i % 2 == 0 ? 1 : 0), rows[i].Y);
        }
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() => Doctest.AssertDeterministic(() => new Sine(1, seed: 4, balanceClasses: true, hasNoise: true));

    [Fact]
    public void GenerateDrift_SwitchesToAnotherFunction()
    {
        var sine = new Sine(classificationFunction: 1, seed: 2);
        sine.GenerateDrift();
        Assert.InRange(sine.ClassificationFunction, 0, 3);
        Assert.NotEqual(1, sine.ClassificationFunction);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Constructor_BadFunction_Throws(int function)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sine(function, seed: 1));
    }
}
