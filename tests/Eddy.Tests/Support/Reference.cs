using System.Text.Json;
using System.Text.RegularExpressions;
using Eddy.Datasets;

namespace Eddy.Tests.Support;

/// <summary>River's reference numbers (shared/reference/reference.json), read from the file, never copied.</summary>
internal static class Reference
{
    private static readonly Lazy<JsonDocument> s_document = new(() =>
    {
        string datasets = DatasetDirectory.Locate();
        string path = Path.Combine(datasets, "..", "reference", "reference.json");
        // Python's json writes ±Infinity bare (max_depth=inf); quote them so System.Text.Json can read the document.
        string text = Regex.Replace(File.ReadAllText(path), @"(?<=[:\[,]\s*)(-?Infinity|NaN)(?=\s*[,\]}])", "\"$1\"");
        return JsonDocument.Parse(text);
    });

    public static JsonElement Root => s_document.Value.RootElement;

    /// <summary>The reference row for (dataset, model, metric).</summary>
    public static JsonElement Row(string dataset, string model, string metric)
    {
        foreach (JsonElement row in Root.GetProperty("rows").EnumerateArray())
        {
            if (row.GetProperty("dataset").GetString() == dataset
                && row.GetProperty("model").GetString() == model
                && row.GetProperty("metric").GetString() == metric)
            {
                return row;
            }
        }

        throw new KeyNotFoundException($"No reference row for {dataset} / {model} / {metric}.");
    }

    /// <summary>River's value with ≥ 0.19 pipeline semantics where the row has one, else the plain value.</summary>
    public static double Current(string dataset, string model, string metric)
    {
        JsonElement row = Row(dataset, model, metric);
        return row.TryGetProperty("value_v019_pipeline_semantics", out JsonElement v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : row.GetProperty("value").GetDouble();
    }

    public static void AssertClose(double expected, double actual, double relative = 1e-9, string? what = null)
    {
        double tolerance = relative * Math.Max(1e-300, Math.Abs(expected));
        if (Math.Abs(expected - actual) > tolerance && !(expected == actual))
        {
            Assert.Fail($"{what ?? "value"}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2}).");
        }
    }
}
