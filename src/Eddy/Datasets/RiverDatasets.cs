using System.IO.Compression;
using Eddy.Base;

namespace Eddy.Datasets;

/// <summary>River's bundled datasets, parsed with River's typing rules (see the datasets README).</summary>
public static class RiverDatasets
{
    /// <summary>River: <c>datasets.Phishing</c>. 1,250 × 9, binary; target <c>is_phishing</c> ("1" → true).</summary>
    public static Dataset Phishing() => new TableBuilder()
        .Target("is_phishing", s => Label.FromBoolean(s == "1"))
        .Build("Phishing", TaskKind.BinaryClassification, ReadCsv("phishing.csv.gz"));

    /// <summary>Reads a CSV file of the datasets directory, gunzipping <c>.gz</c> files.</summary>
    public static List<string[]> ReadCsv(string relativePath)
    {
        string path = DatasetDirectory.File(relativePath);
        using Stream file = System.IO.File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return CsvTable.Read(reader);
    }
}
