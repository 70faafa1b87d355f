using System.Globalization;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Server.Prepare;

namespace Eddy.Cli.Commands;

/// <summary>
/// A CSV or Parquet file of the user's as a dataset (Parquet's string columns are always categorical): a header row, one column named as the target, every other column a feature.
/// A column whose every non-empty cell is a number is numeric, any other is categorical. The task is regression when
/// the target is numeric with non-integer values or many distinct ones, classification otherwise (say which with
/// <c>--task</c> when the guess is wrong).
/// </summary>
internal static class FileDataset
{
    private const int MaxClassesGuessed = 50;

    public static Dataset Load(string path, string target, string? task)
    {
        List<string[]> records;
        bool[] textColumns;
        if (string.Equals(Path.GetExtension(path), ".parquet", StringComparison.OrdinalIgnoreCase))
        {
            (records, textColumns) = ReadParquet(path, target);
        }
        else
        {
            using var reader = new StreamReader(path);
            records = CsvTable.Read(reader);
            textColumns = new bool[records.Count > 0 ? records[0].Length : 0];
        }

        if (records.Count < 2)
        {
            throw new InvalidDataException($"{path}: a header row and at least one example are needed.");
        }

        string[] header = records[0];
        int targetColumn = Array.IndexOf(header, target);
        if (targetColumn < 0)
        {
            throw new InvalidDataException($"{path}: no column named '{target}' (columns: {string.Join(", ", header)}).");
        }

        TaskKind kind = task switch
        {
            "classification" => TaskKind.MultiClassClassification,
            "regression" => TaskKind.Regression,
            null => Guess(records, targetColumn),
            _ => throw new ArgumentException($"--task is classification or regression, not '{task}'."),
        };
        var builder = new TableBuilder().Target(target, kind == TaskKind.Regression ? TableBuilder.NumberLabel : ClassLabel);
        for (int c = 0; c < header.Length; c++)
        {
            if (c != targetColumn && (textColumns[c] || !IsNumeric(records, c)))
            {
                builder.Column(header[c], ColumnKind.Category);
            }
        }

        return builder.Build(Path.GetFileNameWithoutExtension(path), kind, records);
    }

    /// <summary>A class as the server would read it from JSON: true/false, an integer, or the text.</summary>
    private static Label ClassLabel(string text) =>
        bool.TryParse(text, out bool flag) ? (flag ? Label.True : Label.False)
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? TableBuilder.IntegerLabel(text)
        : Label.FromText(text);

    private static TaskKind Guess(List<string[]> records, int column)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        bool numbers = true;
        bool integers = true;
        for (int r = 1; r < records.Count; r++)
        {
            string cell = records[r][column];
            distinct.Add(cell);
            if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                integers &= value == Math.Floor(value);
            }
            else
            {
                numbers = false;
            }
        }

        if (numbers && (!integers || distinct.Count > MaxClassesGuessed))
        {
            return TaskKind.Regression;
        }

        return distinct.Count <= 2 ? TaskKind.BinaryClassification : TaskKind.MultiClassClassification;
    }

    /// <summary>
    /// A Parquet file as CSV-like records: numbers in round-trip form, booleans 1/0 (true/false in the target, as a
    /// class), nulls empty; string columns are marked so they stay categorical even when their text looks numeric.
    /// </summary>
    private static (List<string[]> Records, bool[] TextColumns) ReadParquet(string path, string target)
    {
        TabularRecords table;
        using (FileStream stream = File.OpenRead(path))
        {
            try
            {
                table = ParquetRecords.ReadAsync(stream).GetAwaiter().GetResult();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }
        }

        var records = new List<string[]>(table.Rows.Count + 1);
        records.Add([.. table.Header]);
        var text = new bool[table.Header.Count];
        for (int c = 0; c < text.Length; c++)
        {
            text[c] = table.IsText(c);
        }

        foreach (object?[] row in table.Rows)
        {
            var cells = new string[row.Length];
            for (int c = 0; c < row.Length; c++)
            {
                cells[c] = row[c] switch
                {
                    null => string.Empty,
                    double number => number.ToString("R", CultureInfo.InvariantCulture),
                    bool flag when table.Header[c] == target => flag ? "true" : "false",
                    bool flag => flag ? "1" : "0",
                    object value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
                };
            }

            records.Add(cells);
        }

        return (records, text);
    }

    private static bool IsNumeric(List<string[]> records, int column)
    {
        for (int r = 1; r < records.Count; r++)
        {
            string cell = records[r][column];
            if (cell.Length > 0 && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }
        }

        return true;
    }
}
