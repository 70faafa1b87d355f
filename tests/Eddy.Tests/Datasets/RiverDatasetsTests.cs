using Eddy.Base;
using Eddy.Datasets;

namespace Eddy.Tests.Datasets;

/// <summary>Row and feature counts are River's <c>n_samples</c>/<c>n_features</c>; first rows as in the files.</summary>
public sealed class RiverDatasetsTests
{
    [Fact]
    public void TrumpApproval_Parsed_MatchesRiverShapeAndFirstRow()
    {
        Dataset d = RiverDatasets.TrumpApproval();
        AssertShape(d, TaskKind.Regression, 1001, "ordinal_date", "gallup", "ipsos", "morning_consult", "rasmussen", "you_gov");
        Assert.Equal(736389.0, d.NumberAt(0, 0));
        Assert.Equal(43.843213, d.NumberAt(0, 1));
        Assert.Equal(LabelKind.Number, d.Target(0).Kind);
        Assert.Equal(43.75505, d.Target(0).ToDouble());
    }

    [Fact]
    public void ImageSegments_Parsed_EighteenNumbersAndSevenStringClasses()
    {
        Dataset d = RiverDatasets.ImageSegments();
        Assert.Equal(TaskKind.MultiClassClassification, d.Task);
        Assert.Equal(2310, d.Count);
        Assert.Equal(18, d.FeatureNames.Count);
        Assert.Equal("region-centroid-col", d.FeatureNames[0]);
        Assert.Equal("hue-mean", d.FeatureNames[17]);
        Assert.All(d.FeatureKinds, kind => Assert.Equal(ColumnKind.Number, kind));
        Assert.Equal(218.0, d.NumberAt(0, 0));
        Assert.Equal(-2.0405545, d.NumberAt(0, 17));
        Assert.Equal(Label.FromText("path"), d.Target(0));
        var classes = new HashSet<Label>();
        for (int row = 0; row < d.Count; row++)
        {
            classes.Add(d.Target(row));
        }

        Assert.Equal(7, classes.Count);
        Assert.Contains(Label.FromText("brickface"), classes);
    }

    [Fact]
    public void SolarFlare_Parsed_ThreeCategoriesAndThreeTargets()
    {
        Dataset d = RiverDatasets.SolarFlare();
        AssertShape(
            d, TaskKind.MultiOutputRegression, 1066, "zurich-class", "largest-spot-size", "spot-distribution", "activity", "evolution",
            "previous-24h-flare-activity", "hist-complex", "hist-complex-this-pass", "area", "largest-spot-area");
        Assert.Equal([ColumnKind.Category, ColumnKind.Category, ColumnKind.Category], d.FeatureKinds.Take(3));
        Assert.All(d.FeatureKinds.Skip(3), kind => Assert.Equal(ColumnKind.Number, kind));
        Assert.Equal(["H", "A", "X"], [d.CategoryAt(0, 0), d.CategoryAt(0, 1), d.CategoryAt(0, 2)]);
        Assert.Equal(3.0, d.NumberAt(0, 4));
        Assert.Equal(["c-class-flares", "m-class-flares", "x-class-flares"], d.TargetNames);
        Assert.Equal([0.0, 0.0, 0.0], d.Targets(0).ToArray());

        var x = new FeatureVector(new FeatureSchema());
        d.Fill(0, x);
        Assert.Equal(3, CountCategorical(x));
        Assert.Equal("H", x.SymbolText(x.SymbolAt(0)));
    }

    [Fact]
    public void Bananas_Parsed_TwoLibsvmFeaturesAndBooleanTarget()
    {
        Dataset d = RiverDatasets.Bananas();
        AssertShape(d, TaskKind.BinaryClassification, 5300, "1", "2");
        Assert.Equal(1.617466, d.NumberAt(0, 0));
        Assert.Equal(-0.919233, d.NumberAt(0, 1));
        Assert.Equal(Label.False, d.Target(0));
        Assert.Equal(LabelKind.Boolean, d.Target(0).Kind);
        Assert.Equal(Label.True, d.Target(3));
    }

    [Fact]
    public void AirlinePassengers_Parsed_MonthAsDateAndIntegerTarget()
    {
        Dataset d = RiverDatasets.AirlinePassengers();
        AssertShape(d, TaskKind.Regression, 144, "month");
        Assert.Equal(ColumnKind.DateTime, d.FeatureKinds[0]);
        Assert.Equal(new DateTime(1949, 1, 1, 0, 0, 0, DateTimeKind.Utc), d.DateTimeAt(0, 0));
        Assert.Equal(new DateTime(1960, 12, 1, 0, 0, 0, DateTimeKind.Utc), d.DateTimeAt(143, 0));
        Assert.Equal(Label.FromInteger(112), d.Target(0));
        Assert.Equal(LabelKind.Integer, d.Target(0).Kind);
        Assert.Equal("432", d.Target(143).ToString());
    }

    [Fact]
    public void ChickWeights_Parsed_ThreeIntegerFeaturesAndWeight()
    {
        Dataset d = RiverDatasets.ChickWeights();
        AssertShape(d, TaskKind.Regression, 578, "time", "chick", "diet");
        Assert.Equal([0.0, 1.0, 1.0], [d.NumberAt(0, 0), d.NumberAt(0, 1), d.NumberAt(0, 2)]);
        Assert.Equal(Label.FromInteger(42), d.Target(0));
        Assert.Equal(LabelKind.Integer, d.Target(0).Kind);
    }

    [Fact]
    public void WaterFlow_Parsed_OffsetTimestampInUtcSeconds()
    {
        Dataset d = RiverDatasets.WaterFlow();
        AssertShape(d, TaskKind.Regression, 1268, "Time");
        Assert.Equal(new DateTime(2022, 3, 20, 10, 0, 0, DateTimeKind.Utc), d.DateTimeAt(0, 0));
        Assert.Equal(1647770400.0, d.NumberAt(0, 0));
        Assert.Equal(100.59, d.Target(0).ToDouble());

        var x = new FeatureVector(new FeatureSchema());
        d.Fill(0, x);
        Assert.Equal(1647770400.0, x.ValueAt(0));
    }

    [Fact]
    public void DriftStreamRandom12345_Read_TwoThousandValuesInTwoRegimes()
    {
        double[] values = RiverDatasets.DriftStreamRandom12345();
        Assert.Equal(2000, values.Length);
        Assert.All(values[..1000], v => Assert.True(v is 0.0 or 1.0));
        Assert.All(values[1000..], v => Assert.InRange(v, 4.0, 7.0));
        Assert.Contains(0.0, values[..1000]);
        Assert.Contains(1.0, values[..1000]);
    }

    [Fact]
    public void ByName_EveryCanonicalName_LoadsANonEmptyDataset()
    {
        Assert.Equal(25, RiverDatasets.Names.Count);
        foreach (string name in RiverDatasets.Names)
        {
            Assert.True(RiverDatasets.ByName(name).Count > 0, name);
        }
    }

    [Theory]
    [InlineData("trump_approval", "TrumpApproval")]
    [InlineData("TrumpApproval", "TrumpApproval")]
    [InlineData("segment", "ImageSegments")]
    [InlineData("image-segments", "ImageSegments")]
    [InlineData("BANANAS", "Bananas")]
    [InlineData("phishing", "Phishing")]
    [InlineData("airline_passengers", "AirlinePassengers")]
    [InlineData("drift.airline_passengers", "drift.AirlinePassengers")]
    [InlineData("brent_crude_oil", "drift.BrentSpotPrice")]
    [InlineData("UKCoalEmploy", "drift.UKCoalEmploy")]
    public void ByName_AliasesAndCasing_ResolveToTheSameDataset(string name, string expected)
    {
        Assert.Equal(expected, RiverDatasets.ByName(name).Name);
    }

    [Fact]
    public void ByName_Unknown_ThrowsListingNames()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => RiverDatasets.ByName("iris"));
        Assert.Contains("trump_approval", e.Message, StringComparison.Ordinal);
    }

    internal static void AssertShape(Dataset d, TaskKind task, int rows, params string[] features)
    {
        Assert.Equal(task, d.Task);
        Assert.Equal(rows, d.Count);
        Assert.Equal(features, d.FeatureNames);
    }

    private static int CountCategorical(FeatureVector x)
    {
        int count = 0;
        for (int i = 0; i < x.Count; i++)
        {
            count += x.SymbolAt(i) == FeatureVector.NoSymbol ? 0 : 1;
        }

        return count;
    }
}
