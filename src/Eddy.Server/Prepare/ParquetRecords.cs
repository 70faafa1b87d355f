using System.Globalization;
using Parquet.Schema;
using Parquet.Serialization;

namespace Eddy.Server.Prepare;

/// <summary>
/// Reads a Parquet file into <see cref="TabularRecords"/>: numeric and boolean columns become numbers (booleans 1/0 are
/// kept as booleans), string columns text, timestamps ISO-8601 text; nested columns are refused.
/// </summary>
public static class ParquetRecords
{
    public static async Task<TabularRecords> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        DeserializationResult<Dictionary<string, object>> result;
        try
        {
            result = await ParquetSerializer.DeserializeUntypedAsync(stream, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"Not a readable Parquet file: {e.Message}", e);
        }

        DataField[] fields = result.Schema.GetDataFields();
        if (fields.Length != result.Schema.Fields.Count)
        {
            throw new InvalidDataException("Nested Parquet columns (lists, maps, structs) are not supported; flatten the file first.");
        }

        string[] header = [.. fields.Select(f => f.Name)];
        var rows = new List<object?[]>(result.Data.Count);
        foreach (Dictionary<string, object> record in result.Data)
        {
            var row = new object?[header.Length];
            for (int c = 0; c < header.Length; c++)
            {
                row[c] = record.TryGetValue(header[c], out object? value) ? Convert(value) : null;
            }

            rows.Add(row);
        }

        return new TabularRecords(header, rows);
    }

    private static object? Convert(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag,
        double number => number,
        float number => (double)number,
        decimal number => (double)number,
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan span => span.TotalSeconds,
        IConvertible convertible when value is sbyte or byte or short or ushort or int or uint or long or ulong =>
            convertible.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new InvalidDataException($"A Parquet value of type {value.GetType().Name} is not supported."),
    };
}
