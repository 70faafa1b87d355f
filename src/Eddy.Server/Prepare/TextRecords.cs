using System.Globalization;
using System.Text.Json;
using Eddy.Datasets;

namespace Eddy.Server.Prepare;

/// <summary>Reads CSV (a header row; cells that parse as numbers are numbers, empty cells missing) and NDJSON into <see cref="TabularRecords"/>.</summary>
public static class TextRecords
{
    public static TabularRecords ReadCsv(TextReader reader)
    {
        List<string[]> records = CsvTable.Read(reader);
        if (records.Count == 0)
        {
            throw new InvalidDataException("The CSV has no header row.");
        }

        string[] header = records[0];
        var rows = new List<object?[]>(records.Count - 1);
        for (int r = 1; r < records.Count; r++)
        {
            var row = new object?[header.Length];
            for (int c = 0; c < header.Length && c < records[r].Length; c++)
            {
                string cell = records[r][c];
                row[c] = cell.Length == 0 ? null
                    : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number) ? number
                    : cell;
            }

            rows.Add(row);
        }

        return new TabularRecords(header, rows);
    }

    /// <summary>One JSON object per line; the columns are the keys in first-seen order.</summary>
    public static TabularRecords ReadNdjson(TextReader reader)
    {
        var header = new List<string>();
        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var objects = new List<Dictionary<int, object?>>();
        int line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"Line {line} is not a JSON object.");
            }

            var values = new Dictionary<int, object?>();
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (!columnOf.TryGetValue(property.Name, out int column))
                {
                    column = header.Count;
                    header.Add(property.Name);
                    columnOf.Add(property.Name, column);
                }

                values[column] = Scalar(property.Value) ?? throw new InvalidDataException($"Line {line}: '{property.Name}' is not a number, string, boolean or null.");
            }

            objects.Add(values);
        }

        var rows = new List<object?[]>(objects.Count);
        foreach (Dictionary<int, object?> values in objects)
        {
            var row = new object?[header.Count];
            foreach ((int column, object? value) in values)
            {
                row[column] = value is DBNull ? null : value;
            }

            rows.Add(row);
        }

        return new TabularRecords(header, rows);
    }

    /// <summary>The value of a JSON scalar; <see cref="DBNull"/> for null; null for arrays and objects.</summary>
    internal static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => DBNull.Value,
        _ => null,
    };
}
