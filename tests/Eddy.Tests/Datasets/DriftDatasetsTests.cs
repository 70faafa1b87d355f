using Eddy.Base;
using Eddy.Datasets;
using static Eddy.Tests.Datasets.RiverDatasetsTests;

namespace Eddy.Tests.Datasets;

/// <summary>
/// River's change-point datasets: the date is the one feature, the series are the targets (River's
/// <c>n_features</c> counts the series: 1, 6, 1, 1, 4, 2, 1).
/// </summary>
public sealed class DriftDatasetsTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void AirlinePassengers_Parsed_MonthNamesAndIntegerTarget()
    {
        Dataset d = DriftDatasets.AirlinePassengers();
        AssertShape(d, TaskKind.Regression, 468, "date");
        Assert.Equal(Utc(1977, 1, 1), d.DateTimeAt(0, 0));
        Assert.Equal(Utc(1977, 2, 1), d.DateTimeAt(1, 0));
        Assert.Equal(Label.FromInteger(1487588), d.Target(0));
        Assert.Equal(LabelKind.Integer, d.Target(0).Kind);
    }

    [Fact]
    public void Apple_Parsed_SixSeriesAsTargets()
    {
        Dataset d = DriftDatasets.Apple();
        AssertShape(d, TaskKind.MultiOutputRegression, 1867, "Date");
        Assert.Equal(["Open", "High", "Low", "Close", "Adj Close", "Volume"], d.TargetNames);
        Assert.Equal(Utc(1996, 12, 12), d.DateTimeAt(0, 0));
        Assert.Equal([0.861608, 0.866072, 0.852680, 0.852680, 0.181182, 21750400.0], d.Targets(0).ToArray());
    }

    [Fact]
    public void Bitcoin_Parsed_PriceTarget()
    {
        Dataset d = DriftDatasets.Bitcoin();
        AssertShape(d, TaskKind.Regression, 822, "date");
        Assert.Equal(Utc(2013, 2, 11), d.DateTimeAt(0, 0));
        Assert.Equal(24.1955, d.Target(0).ToDouble());
    }

    [Fact]
    public void BrentSpotPrice_Parsed_UsDates()
    {
        Dataset d = DriftDatasets.BrentSpotPrice();
        AssertShape(d, TaskKind.Regression, 8195, "day");
        Assert.Equal(Utc(1987, 5, 20), d.DateTimeAt(0, 0));
        Assert.Equal(18.63, d.Target(0).ToDouble());
    }

    [Fact]
    public void Occupancy_Parsed_FourSeriesAsTargets()
    {
        Dataset d = DriftDatasets.Occupancy();
        AssertShape(d, TaskKind.MultiOutputRegression, 509, "time");
        Assert.Equal(["V1", "V2", "V3", "V4"], d.TargetNames);
        Assert.Equal(Utc(2015, 2, 4, 17, 51), d.DateTimeAt(0, 0));
        Assert.Equal([23.18, 27.272, 426.0, 721.25], d.Targets(0).ToArray());
    }

    [Fact]
    public void RunLog_Parsed_PaceAndDistance()
    {
        Dataset d = DriftDatasets.RunLog();
        AssertShape(d, TaskKind.MultiOutputRegression, 376, "time");
        Assert.Equal(["Pace", "Distance"], d.TargetNames);
        Assert.Equal(Utc(2018, 7, 31, 18, 22, 28), d.DateTimeAt(0, 0));
        Assert.Equal([30.88072, 0.0], d.Targets(0).ToArray());
    }

    [Fact]
    public void UKCoalEmploy_Parsed_YearsAndIntegerTarget()
    {
        Dataset d = DriftDatasets.UKCoalEmploy();
        AssertShape(d, TaskKind.Regression, 105, "Year");
        Assert.Equal(Utc(1913, 1, 1), d.DateTimeAt(0, 0));
        Assert.Equal(Label.FromInteger(1107000), d.Target(0));

        var x = new FeatureVector(new FeatureSchema());
        d.Fill(0, x);
        Assert.Equal((Utc(1913, 1, 1) - DateTime.UnixEpoch).TotalSeconds, x.ValueAt(0));
    }
}
