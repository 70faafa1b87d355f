using System.Globalization;
using Eddy.Base;

namespace Eddy.Datasets;

/// <summary>
/// Turns CSV records into a <see cref="Dataset"/> with River's per-column converters: every column not named
/// is a feature parsed as a number; named columns can be categories or timestamps; one column (or several) is the target.
/// </summary>
public sealed class TableBuilder
{
    private readonly Dictionary<string, ColumnKind> _kinds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dropped = new(StringComparer.Ordinal);
    private Func<string, Label> _targetParser = s => Label.FromNumber(ParseNumber(s));
    private string[] _targets = [];
    private string? _dateFormat;

    public TableBuilder Target(string column, Func<string, Label> parser)
    {
        _targets = [column];
        _targetParser = parser;
        return this;
    }

    public TableBuilder Targets(params string[] columns)
    {
        _targets = columns;
        return this;
    }

    public TableBuilder Column(string column, ColumnKind kind)
    {
        _kinds[column] = kind;
        return this;
    }

    public TableBuilder Drop(string column)
    {
        _dropped.Add(column);
        return this;
    }

    /// <summary>Format for timestamp columns (.NET custom format); ISO-8601 when not set.</summary>
    public TableBuilder DateFormat(string format)
    {
        _dateFormat = format;
        return this;
    }

    public Dataset Build(string name, TaskKind task, IReadOnlyList<string[]> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"{name}: the file is empty.");
        }

        string[] header = records[0];
        var featureColumns = new List<int>();
        var targetColumns = new int[_targets.Length];
        for (int t = 0; t < _targets.Length; t++)
        {
            targetColumns[t] = Array.IndexOf(header, _targets[t]);
            if (targetColumns[t] < 0)
            {
                throw new InvalidDataException($"{name}: no target column '{_targets[t]}'.");
            }
        }

        for (int c = 0; c < header.Length; c++)
        {
            if (Array.IndexOf(targetColumns, c) < 0 && !_dropped.Contains(header[c]))
            {
                featureColumns.Add(c);
            }
        }

        string[] names = [.. featureColumns.Select(c => header[c])];
        ColumnKind[] kinds = [.. names.Select(n => _kinds.GetValueOrDefault(n, ColumnKind.Number))];
        int rows = records.Count - 1;
        var numbers = new double[rows][];
        var categories = new string?[rows][];
        var present = new bool[rows][];
        var labels = new Label[rows];
        double[][]? multi = task == TaskKind.MultiOutputRegression ? new double[rows][] : null;
        for (int r = 0; r < rows; r++)
        {
            string[] record = records[r + 1];
            if (record.Length != header.Length)
            {
                throw new InvalidDataException($"{name}: row {r + 2} has {record.Length} fields, the header {header.Length}.");
            }

            numbers[r] = new double[names.Length];
            categories[r] = new string?[names.Length];
            present[r] = new bool[names.Length];
            for (int f = 0; f < names.Length; f++)
            {
                string cell = record[featureColumns[f]];
                if (cell.Length == 0)
                {
                    continue;
                }

                present[r][f] = true;
                switch (kinds[f])
                {
                    case ColumnKind.Category:
                        categories[r][f] = cell;
                        break;
                    case ColumnKind.DateTime:
                        numbers[r][f] = ParseTimestamp(cell);
                        break;
                    default:
                        numbers[r][f] = ParseNumber(cell);
                        break;
                }
            }

            if (multi is not null)
            {
                multi[r] = [.. targetColumns.Select(c => ParseNumber(record[c]))];
            }
            else if (task != TaskKind.Unsupervised)
            {
                labels[r] = _targetParser(record[targetColumns[0]]);
            }
        }

        return new Dataset(name, task, names, kinds, numbers, categories, present, labels, _targets, multi);
    }

    public static double ParseNumber(string text) =>
        double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>River's <c>float</c> converter for a target.</summary>
    public static Label NumberLabel(string text) => Label.FromNumber(ParseNumber(text));

    /// <summary>River's <c>int</c> converter for a target: an integer label (prints without ".0").</summary>
    public static Label IntegerLabel(string text) =>
        Label.FromInteger(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));

    private double ParseTimestamp(string text)
    {
        DateTime value = _dateFormat is null
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : DateTime.ParseExact(text, _dateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return (value - DateTime.UnixEpoch).TotalSeconds;
    }
}
