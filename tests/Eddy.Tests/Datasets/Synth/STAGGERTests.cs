using Eddy.Base;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class STAGGERTests
{
    [Fact]
    public void Take_DocstringFunction2Seed112_MatchesRiver()
    {
        Doctest.AssertTake(
            new STAGGER(classificationFunction: 2, seed: 112, balanceClasses: false),
            [
                [1, 2, 2],
                [2, 1, 2],
                [1, 1, 2],
                [0, 1, 0],
                [2, 1, 0],
            ],
            [1, 1, 1, 0, 1],
            0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Concepts_LabelAsDefined(int function)
    {
        var stagger = new STAGGER(function, seed: 17);
        Assert.Equal(["size", "color", "shape"], stagger.FeatureNames);
        foreach ((double[] x, Label y) in Doctest.Draw(stagger, 300))
        {
            bool positive = function switch
            {
                0 => x[0] == 0 && x[1] == 0,
                1 => x[1] == 2 || x[2] == 0,
                _ => x[0] is 1 or 2,
            };
            Assert.Equal(Label.FromInteger(positive ? 1 : 0), y);
        }
    }

    [Fact]
    public void BalanceClasses_On_LabelsAlternateFromOne()
    {
        List<(double[] X, Label Y)> rows = Doctest.Draw(new STAGGER(seed: 13, balanceClasses: true), 100);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(Label.FromInteger(i % 2 == 0 ? 1 : 0), rows[i].Y);
        }
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() => Doctest.AssertDeterministic(() => new STAGGER(0, seed: 4, balanceClasses: true));

    [Fact]
    public void GenerateDrift_SwitchesToAnotherConcept()
    {
        var stagger = new STAGGER(classificationFunction: 0, seed: 2);
        stagger.GenerateDrift();
        Assert.InRange(stagger.ClassificationFunction, 1, 2);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Constructor_BadFunction_Throws(int function)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new STAGGER(function, seed: 1));
    }
}
