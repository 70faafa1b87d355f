using System.Text.Json;
using Eddy.Base;
using Eddy.Server.Problems;
using Eddy.Storage;

namespace Eddy.Server.Prepare;

/// <summary>
/// Carries out a prepare request over its rows: join, coerce, impute, then the steps. The steps are built fresh for
/// the request and learn the rows in order with River's pipeline semantics (each step learns a row, then transforms
/// it; supervised steps transform first and learn the row's target after), and each row's output is what a model at
/// the end of the pipeline would have learned from. Nothing is kept after the request.
/// </summary>
internal static class PrepareRunner
{
    public const int MaxRows = 100_000;

    public static async Task<List<PreparedRow>> RunAsync(PrepareOptions options, List<PreparedRow> rows, RawArchive archive, CancellationToken cancellationToken)
    {
        if (options.Join is { } join)
        {
            IReadOnlyList<PreparedRow> other = join.Rows is { } inline
                ? ReadRows(inline, "join.rows")
                : await LoadSourceAsync(archive, join.Source!, cancellationToken);
            RowOperations.Join(rows, other, join.On, join.Suffix, join.Rows is null ? "join.source" : "join.rows");
        }

        foreach ((string field, string kind) in options.Coerce)
        {
            RowOperations.Coerce(rows, field, kind);
        }

        foreach ((string field, JsonElement rule) in options.Impute)
        {
            RowOperations.Impute(rows, field, rule);
        }

        return options.Steps is null ? rows : Transform(options, rows);
    }

    /// <summary>Rows of a JSON array of objects whose values are scalars.</summary>
    public static List<PreparedRow> ReadRows(JsonElement array, string field)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new PrepareException(field, $"'{field}' must be an array of objects.");
        }

        if (array.GetArrayLength() > MaxRows)
        {
            throw new PrepareException(field, $"At most {MaxRows} rows per request.", ProblemKind.BodyTooLarge);
        }

        var rows = new List<PreparedRow>(array.GetArrayLength());
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            rows.Add(ReadRow(item, $"{field}[{i++}]"));
        }

        return rows;
    }

    public static PreparedRow ReadRow(JsonElement item, string field)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new PrepareException(field, $"'{field}' must be a JSON object.");
        }

        var row = new PreparedRow();
        foreach (JsonProperty property in item.EnumerateObject())
        {
            object? value = TextRecords.Scalar(property.Value)
                ?? throw new PrepareException($"{field}.{property.Name}", "A value is a number, string, boolean or null; nested arrays and objects are not features.");
            row[property.Name] = value is DBNull ? null : value;
        }

        return row;
    }

    private static async Task<IReadOnlyList<PreparedRow>> LoadSourceAsync(RawArchive archive, string source, CancellationToken cancellationToken)
    {
        if (!StorageLayout.IsValidName(source))
        {
            throw new PrepareException("join.source", "Not a source name.");
        }

        IReadOnlyList<RawFile> files = archive.List(source);
        if (files.Count == 0)
        {
            throw new PrepareException("join.source", $"Nothing was ingested as '{source}'.", ProblemKind.RawFileNotFound);
        }

        RawFile newest = files[^1];
        TabularRecords table;
        try
        {
            await using Stream stream = archive.Open(source, newest.Name);
            table = Path.GetExtension(newest.Name) switch
            {
                ".csv" => TextRecords.ReadCsv(new StreamReader(stream)),
                ".ndjson" => TextRecords.ReadNdjson(new StreamReader(stream)),
                _ => await ParquetRecords.ReadAsync(stream, cancellationToken),
            };
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            throw new PrepareException("join.source", $"The newest raw file of '{source}' ({newest.Name}) cannot be read: {e.Message}");
        }

        if (table.Rows.Count > MaxRows)
        {
            throw new PrepareException("join.source", $"The joined source has over {MaxRows} rows.", ProblemKind.BodyTooLarge);
        }

        var rows = new List<PreparedRow>(table.Rows.Count);
        foreach (object?[] values in table.Rows)
        {
            rows.Add(PreparedRow.From(table.Header, values));
        }

        return rows;
    }

    private static List<PreparedRow> Transform(PrepareOptions options, List<PreparedRow> rows)
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var output = new FeatureVector(schema);
        var prepared = new List<PreparedRow>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            x.Clear();
            Label y = Label.None;
            object? target = null;
            foreach ((string name, object? value) in rows[i])
            {
                if (name == options.Target)
                {
                    target = value;
                    y = value switch
                    {
                        double number => Label.FromNumber(number),
                        bool flag => Label.FromBoolean(flag),
                        string text => Label.FromText(text),
                        _ => Label.None,
                    };
                    continue;
                }

                switch (value)
                {
                    case double number:
                        x.Set(name, number);
                        break;
                    case bool flag:
                        x.Set(name, flag ? 1.0 : 0.0);
                        break;
                    case string text:
                        x.SetCategorical(name, text);
                        break;
                }
            }

            try
            {
                options.Steps!.LearnTransformOne(x, y, output);
            }
            catch (InvalidFeatureException e)
            {
                throw new PrepareException($"rows[{i}].{e.FeatureName}", e.Message, ProblemKind.InvalidFeature);
            }
            catch (InvalidLabelException e)
            {
                throw new PrepareException($"rows[{i}].{options.Target}", e.Message, ProblemKind.InvalidLabel);
            }
            catch (NonFiniteUpdateException e)
            {
                throw new PrepareException($"rows[{i}]", e.Message, ProblemKind.RejectedUpdate);
            }

            var row = new PreparedRow();
            for (int j = 0; j < output.Count; j++)
            {
                int symbol = output.SymbolAt(j);
                row[output.NameOf(output.IndexAt(j))] = symbol == FeatureVector.NoSymbol ? output.ValueAt(j) : output.SymbolText(symbol);
            }

            if (options.Target is { } targetName && rows[i].ContainsKey(targetName))
            {
                row[targetName] = target;
            }

            prepared.Add(row);
        }

        return prepared;
    }
}
