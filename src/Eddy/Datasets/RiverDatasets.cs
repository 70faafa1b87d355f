using System.IO.Compression;
using Eddy.Base;
using Eddy.Datasets.Synth;

namespace Eddy.Datasets;

/// <summary>
/// River's bundled datasets (<c>river.datasets</c>), parsed with River's typing rules: each reader names River's
/// converters, date formats and target. Integer columns are features like the others (numbers); integer targets
/// are <see cref="LabelKind.Integer"/> labels. The change-point datasets are in <see cref="DriftDatasets"/>; River's
/// synthetic generators are named too (<c>synth.agrawal</c>, <c>sea</c>…), as <see cref="SyntheticDatasets"/> cuts them.
/// </summary>
public static class RiverDatasets
{
    private static readonly (string Name, string[] Aliases, Func<Dataset> Load)[] s_catalog =
    [
        ("phishing", [], Phishing),
        ("trump_approval", [], TrumpApproval),
        ("image_segments", ["segment", "segments"], ImageSegments),
        ("solar_flare", [], SolarFlare),
        ("bananas", ["banana"], Bananas),
        ("airline_passengers", [], AirlinePassengers),
        ("chick_weights", [], ChickWeights),
        ("water_flow", [], WaterFlow),
        ("drift.airline_passengers", ["jfk_passengers"], DriftDatasets.AirlinePassengers),
        ("drift.apple", ["apple"], DriftDatasets.Apple),
        ("drift.bitcoin", ["bitcoin"], DriftDatasets.Bitcoin),
        ("drift.brent_spot_price", ["brent_spot_price", "brent_crude_oil"], DriftDatasets.BrentSpotPrice),
        ("drift.occupancy", ["occupancy"], DriftDatasets.Occupancy),
        ("drift.run_log", ["run_log"], DriftDatasets.RunLog),
        ("drift.uk_coal_employ", ["uk_coal_employ", "uk_coal_employment"], DriftDatasets.UKCoalEmploy),
        ("synth.agrawal", ["agrawal"], SyntheticDatasets.Agrawal),
        ("synth.sea", ["sea"], SyntheticDatasets.SEA),
        ("synth.hyperplane", ["hyperplane"], SyntheticDatasets.Hyperplane),
        ("synth.random_rbf", ["random_rbf"], SyntheticDatasets.RandomRBF),
        ("synth.random_rbf_drift", ["random_rbf_drift"], SyntheticDatasets.RandomRBFDrift),
        ("synth.led", ["led"], SyntheticDatasets.LED),
        ("synth.led_drift", ["led_drift"], SyntheticDatasets.LEDDrift),
        ("synth.sine", ["sine"], SyntheticDatasets.Sine),
        ("synth.stagger", ["stagger"], SyntheticDatasets.STAGGER),
        ("synth.concept_drift_stream", ["concept_drift_stream"], SyntheticDatasets.ConceptDriftStream),
    ];

    /// <summary>The canonical names <see cref="ByName"/> knows, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_catalog.Select(entry => entry.Name)];

    /// <summary>
    /// Loads a dataset by name for the CLI's <c>--dataset</c>: case-insensitive, ignoring <c>_ - . </c> and spaces,
    /// so <c>trump_approval</c>, <c>TrumpApproval</c> and <c>trump-approval</c> are one dataset.
    /// </summary>
    public static Dataset ByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string wanted = Normalize(name);
        foreach ((string canonical, string[] aliases, Func<Dataset> load) in s_catalog)
        {
            if (Normalize(canonical) == wanted || Array.Exists(aliases, alias => Normalize(alias) == wanted))
            {
                return load();
            }
        }

        throw new ArgumentException($"Unknown dataset '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>River: <c>datasets.Phishing</c>. 1,250 × 9, binary; target <c>is_phishing</c> ("1" → true).</summary>
    public static Dataset Phishing() => new TableBuilder()
        .Target("is_phishing", s => Label.FromBoolean(s == "1"))
        .Build("Phishing", TaskKind.BinaryClassification, ReadCsv("phishing.csv.gz"));

    /// <summary>River: <c>datasets.TrumpApproval</c>. 1,001 × 6, regression; target <c>five_thirty_eight</c>.</summary>
    public static Dataset TrumpApproval() => new TableBuilder()
        .Target("five_thirty_eight", TableBuilder.NumberLabel)
        .Build("TrumpApproval", TaskKind.Regression, ReadCsv("trump_approval.csv.gz"));

    /// <summary>River: <c>datasets.ImageSegments</c>. 2,310 × 18, 7 classes; target <c>category</c> (a string).</summary>
    public static Dataset ImageSegments() => new TableBuilder()
        .Target("category", Label.FromText)
        .Build("ImageSegments", TaskKind.MultiClassClassification, ReadZippedCsv("segment.csv.zip", "segment.csv.zip"));

    /// <summary>
    /// River: <c>datasets.SolarFlare</c>. 1,066 × 10, multi-output regression on the three flare counts; the
    /// Zurich class, largest spot size and spot distribution are categories (River's <c>str</c> converters).
    /// </summary>
    public static Dataset SolarFlare() => new TableBuilder()
        .Targets("c-class-flares", "m-class-flares", "x-class-flares")
        .Column("zurich-class", ColumnKind.Category)
        .Column("largest-spot-size", ColumnKind.Category)
        .Column("spot-distribution", ColumnKind.Category)
        .Build("SolarFlare", TaskKind.MultiOutputRegression, ReadZippedCsv("solar-flare.csv.zip", "solar-flare.csv.zip"));

    /// <summary>River: <c>datasets.Bananas</c>. 5,300 × 2 (features "1" and "2"), binary; libsvm target "1" → true.</summary>
    public static Dataset Bananas()
    {
        using ZipArchive zip = ZipFile.OpenRead(DatasetDirectory.File("banana.zip"));
        ZipArchiveEntry entry = zip.GetEntry("banana.all.txt") ?? throw new InvalidDataException("banana.zip has no banana.all.txt.");
        using var reader = new StreamReader(entry.Open());
        return LibsvmTable.Build("Bananas", TaskKind.BinaryClassification, reader, s => Label.FromBoolean(s == "1"));
    }

    /// <summary>River: <c>datasets.AirlinePassengers</c>. 144 × 1 (<c>month</c>, a date), regression on <c>passengers</c>.</summary>
    public static Dataset AirlinePassengers() => new TableBuilder()
        .Target("passengers", TableBuilder.IntegerLabel)
        .Column("month", ColumnKind.DateTime)
        .DateFormat("yyyy-M")
        .Build("AirlinePassengers", TaskKind.Regression, ReadCsv("airline-passengers.csv"));

    /// <summary>River: <c>datasets.ChickWeights</c>. 578 × 3 (time, chick, diet), regression on <c>weight</c>.</summary>
    public static Dataset ChickWeights() => new TableBuilder()
        .Target("weight", TableBuilder.IntegerLabel)
        .Build("ChickWeights", TaskKind.Regression, ReadCsv("chick-weights.csv"));

    /// <summary>River: <c>datasets.WaterFlow</c>. 1,268 × 1 (<c>Time</c>, with a UTC offset), regression on the flow.</summary>
    public static Dataset WaterFlow() => new TableBuilder()
        .Target("Water flow [l/s]", TableBuilder.NumberLabel)
        .Column("Time", ColumnKind.DateTime)
        .DateFormat("yyyy-M-d'T'H:m:szzz")
        .Build("WaterFlow", TaskKind.Regression, ReadCsv("water-flow.csv"));

    /// <summary>
    /// The 2,000 values River's ADWIN and PageHinkley doctests draw from <c>random.Random(12345)</c>
    /// (<c>drift_stream_random12345.csv</c>), in order.
    /// </summary>
    public static double[] DriftStreamRandom12345()
    {
        List<string[]> records = ReadCsv("drift_stream_random12345.csv");
        int column = Array.IndexOf(records[0], "value");
        if (column < 0)
        {
            throw new InvalidDataException("drift_stream_random12345.csv has no 'value' column.");
        }

        var values = new double[records.Count - 1];
        for (int r = 1; r < records.Count; r++)
        {
            values[r - 1] = TableBuilder.ParseNumber(records[r][column]);
        }

        return values;
    }

    /// <summary>Reads a CSV file of the datasets directory, gunzipping <c>.gz</c> files.</summary>
    public static List<string[]> ReadCsv(string relativePath)
    {
        string path = DatasetDirectory.File(relativePath);
        using Stream file = System.IO.File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return CsvTable.Read(reader);
    }

    /// <summary>Reads the CSV stored as entry <paramref name="entryName"/> of a zip file of the datasets directory.</summary>
    public static List<string[]> ReadZippedCsv(string relativePath, string entryName)
    {
        using ZipArchive zip = ZipFile.OpenRead(DatasetDirectory.File(relativePath));
        ZipArchiveEntry entry = zip.GetEntry(entryName)
            ?? throw new InvalidDataException($"{relativePath} has no entry '{entryName}'.");
        using var reader = new StreamReader(entry.Open());
        return CsvTable.Read(reader);
    }

    private static string Normalize(string name) =>
        new([.. name.Where(c => c is not ('_' or '-' or '.' or ' ')).Select(char.ToLowerInvariant)]);
}
