using System.Globalization;
using Eddy.Base;
using Eddy.Datasets;

namespace Eddy.Cli.Commands;

/// <summary>
/// A CSV file of the user's as a dataset: a header row, one column named as the target, every other column a feature.
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
        using (var reader = new StreamReader(path))
        {
            records = CsvTable.Read(reader);
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
            if (c != targetColumn && !IsNumeric(records, c))
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
