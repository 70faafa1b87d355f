using Eddy.Base;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class AgrawalTests
{
    [Fact]
    public void Take_DocstringFunction0Seed42_MatchesRiver()
    {
        Doctest.AssertTake(
            new Agrawal(classificationFunction: 0, seed: 42),
            [
                [103125.4837, 0, 21, 2, 8, 3, 319768.9642, 4, 338349.7437],
                [135983.3438, 0, 25, 4, 14, 0, 423837.7755, 7, 116330.4466],
                [98262.4347, 0, 55, 1, 18, 6, 144088.1244, 19, 139095.3541],
                [133009.0417, 0, 68, 1, 14, 5, 233361.4025, 7, 478606.5361],
                [63757.2908, 16955.9382, 26, 2, 12, 4, 522851.3093, 24, 229712.4398],
            ],
            [1, 1, 0, 1, 1],
            4);
    }

    [Fact]
    public void Features_RiverNamesAndIntegerCodes()
    {
        var agrawal = new Agrawal(seed: 3);
        Assert.Equal(["salary", "commission", "age", "elevel", "car", "zipcode", "hvalue", "hyears", "loan"], agrawal.FeatureNames);
        foreach ((double[] x, Label y) in Doctest.Draw(agrawal, 2000))
        {
            Assert.InRange(x[0], 20000, 150000);
            Assert.Equal(x[0] >= 75000, x[1] == 0);
            Assert.InRange(x[2], 20, 80);
            Assert.InRange(x[3], 0, 4);
            Assert.InRange(x[4], 1, 20);
            Assert.InRange(x[5], 0, 8);
            Assert.InRange(x[7], 1, 30);
            Assert.All(new[] { x[2], x[3], x[4], x[5], x[7] }, v => Assert.Equal(Math.Floor(v), v));
            Assert.Equal(LabelKind.Integer, y.Kind);
        }
    }

    [Fact]
    public void BalanceClasses_On_LabelsAlternateFromOne()
    {
        List<(double[] X, Label Y)> rows = Doctest.Draw(new Agrawal(classificationFunction: 2, seed: 11, balanceClasses: true), 200);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(Label.FromInteger(i % 2 == 0 ? 1 : 0), rows[i].Y);
        }
    }

    [Fact]
    public void Perturbation_On_KeepsBoundsAndRoundsAge()
    {
        foreach ((double[] x, Label _) in Doctest.Draw(new Agrawal(seed: 4, perturbation: 0.2), 2000))
        {
            Assert.InRange(x[0], 20000, 150000);
            Assert.InRange(x[2], 20, 80);
            Assert.Equal(Math.Round(x[2]), x[2]);
            Assert.InRange(x[8], 0, 500000);

            // River clamps the perturbed house value to [(9 - zipcode)·100000, 0]: one of the two bounds.
            Assert.True(x[6] == 0 || x[6] == (9 - x[5]) * 100000, $"hvalue {x[6]}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void SameSeedAndRestart_SameStream(int function) =>
        Doctest.AssertDeterministic(() => new Agrawal(function, seed: 8, balanceClasses: function > 5, perturbation: 0.1));

    [Fact]
    public void GenerateDrift_SwitchesToAnotherFunction()
    {
        var agrawal = new Agrawal(classificationFunction: 4, seed: 2);
        agrawal.GenerateDrift();
        Assert.InRange(agrawal.ClassificationFunction, 0, 9);
        Assert.NotEqual(4, agrawal.ClassificationFunction);
    }

    [Theory]
    [InlineData(-1, 0.0)]
    [InlineData(10, 0.0)]
    [InlineData(0, -0.01)]
    [InlineData(0, 1.01)]
    public void Constructor_BadArguments_Throw(int function, double perturbation)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Agrawal(function, seed: 1, perturbation: perturbation));
    }
}
