namespace Eddy.Datasets;

/// <summary>
/// River's change-point datasets (<c>river.drift.datasets</c>, from the Turing change-point benchmark), parsed as
/// River's <c>__iter__</c> does: the timestamp is the only feature and every other column is a target, so the
/// series with several columns are multi-output (<see cref="Dataset.Targets"/>). River's <c>n_features</c> counts
/// those columns; here they are <see cref="Dataset.TargetNames"/>. Date formats use one-letter fields because
/// Python's <c>strptime</c> accepts <c>6/1/1987</c> for <c>%m/%d/%Y</c>.
/// </summary>
public static class DriftDatasets
{
    /// <summary>River: <c>drift.datasets.AirlinePassengers</c>. 468 months at JFK; target <c>Total Passengers</c>.</summary>
    public static Dataset AirlinePassengers() => new TableBuilder()
        .Target("Total Passengers", TableBuilder.IntegerLabel)
        .Column("date", ColumnKind.DateTime)
        .DateFormat("yyyy-MMM")
        .Build("drift.AirlinePassengers", TaskKind.Regression, RiverDatasets.ReadCsv("drift/airline_passengers.csv"));

    /// <summary>River: <c>drift.datasets.Apple</c>. 1,867 days; targets Open, High, Low, Close, Adj Close, Volume.</summary>
    public static Dataset Apple() => new TableBuilder()
        .Targets("Open", "High", "Low", "Close", "Adj Close", "Volume")
        .Column("Date", ColumnKind.DateTime)
        .DateFormat("yyyy-M-d")
        .Build("drift.Apple", TaskKind.MultiOutputRegression, RiverDatasets.ReadCsv("drift/apple.csv"));

    /// <summary>River: <c>drift.datasets.Bitcoin</c>. 822 days; target <c>price</c>.</summary>
    public static Dataset Bitcoin() => new TableBuilder()
        .Target("price", TableBuilder.NumberLabel)
        .Column("date", ColumnKind.DateTime)
        .DateFormat("yyyy-M-d")
        .Build("drift.Bitcoin", TaskKind.Regression, RiverDatasets.ReadCsv("drift/bitcoin.csv"));

    /// <summary>River: <c>drift.datasets.BrentSpotPrice</c>. 8,195 days; target <c>DPB</c> (file brent_crude_oil.csv).</summary>
    public static Dataset BrentSpotPrice() => new TableBuilder()
        .Target("DPB", TableBuilder.NumberLabel)
        .Column("day", ColumnKind.DateTime)
        .DateFormat("M/d/yyyy")
        .Build("drift.BrentSpotPrice", TaskKind.Regression, RiverDatasets.ReadCsv("drift/brent_crude_oil.csv"));

    /// <summary>River: <c>drift.datasets.Occupancy</c>. 509 readings; targets V1 to V4 (temperature, humidity, light, CO2).</summary>
    public static Dataset Occupancy() => new TableBuilder()
        .Targets("V1", "V2", "V3", "V4")
        .Column("time", ColumnKind.DateTime)
        .DateFormat("yyyy-M-d H:m:s")
        .Build("drift.Occupancy", TaskKind.MultiOutputRegression, RiverDatasets.ReadCsv("drift/occupancy.csv"));

    /// <summary>River: <c>drift.datasets.RunLog</c>. 376 readings; targets <c>Pace</c> and <c>Distance</c>.</summary>
    public static Dataset RunLog() => new TableBuilder()
        .Targets("Pace", "Distance")
        .Column("time", ColumnKind.DateTime)
        .DateFormat("yyyy-M-d H:m:s")
        .Build("drift.RunLog", TaskKind.MultiOutputRegression, RiverDatasets.ReadCsv("drift/run_log.csv"));

    /// <summary>River: <c>drift.datasets.UKCoalEmploy</c>. 105 years; target <c>Employment</c>.</summary>
    public static Dataset UKCoalEmploy() => new TableBuilder()
        .Target("Employment", TableBuilder.IntegerLabel)
        .Column("Year", ColumnKind.DateTime)
        .DateFormat("yyyy")
        .Build("drift.UKCoalEmploy", TaskKind.Regression, RiverDatasets.ReadCsv("drift/uk_coal_employment.csv"));
}
