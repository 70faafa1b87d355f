using System.Globalization;
using System.Text.Json;

namespace Eddy.Server.Prepare;

/// <summary>The row-wise steps of a prepare request: join, coercion and imputation.</summary>
internal static class RowOperations
{
    /// <summary>
    /// Left join: each row gets the fields of the other row with an equal key (numbers by value, text by ordinal,
    /// booleans as such); when several other rows share a key, the last one wins (a dimension table updated in place).
    /// </summary>
    public static void Join(List<PreparedRow> rows, IReadOnlyList<PreparedRow> other, string on, string suffix, string field)
    {
        var byKey = new Dictionary<object, PreparedRow>();
        foreach (PreparedRow row in other)
        {
            if (row.TryGetValue(on, out object? key) && key is not null)
            {
                byKey[key] = row;
            }
        }

        if (byKey.Count == 0)
        {
            throw new PrepareException(field, $"No row of the joined source has the key field '{on}'.");
        }

        foreach (PreparedRow row in rows)
        {
            if (!row.TryGetValue(on, out object? key) || key is null || !byKey.TryGetValue(key, out PreparedRow? match))
            {
                continue;
            }

            foreach ((string name, object? value) in match)
            {
                if (name == on)
                {
                    continue;
                }

                row[row.ContainsKey(name) ? name + suffix : name] = value;
            }
        }
    }

    public static void Coerce(List<PreparedRow> rows, string field, string kind)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            if (!rows[i].TryGetValue(field, out object? value) || value is null)
            {
                continue;
            }

            rows[i][field] = (kind, value) switch
            {
                ("number", double) or ("string", string) or ("boolean", bool) => value,
                ("number", bool flag) => flag ? 1.0 : 0.0,
                ("number", string text) when text.Trim().Length == 0 => null,
                ("number", string text) when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number) => number,
                ("string", double number) => number.ToString("R", CultureInfo.InvariantCulture),
                ("string", bool flag) => flag ? "true" : "false",
                ("boolean", double number) when number is 0 or 1 => number == 1,
                ("boolean", string text) when bool.TryParse(text.Trim(), out bool flag) => flag,
                _ => throw new PrepareException($"rows[{i}].{field}", $"{Describe(value)} cannot be coerced to a {kind}."),
            };
        }
    }

    /// <summary>Fills absent and null values: a constant, or the mean, median or mode of the present values of these rows.</summary>
    public static void Impute(List<PreparedRow> rows, string field, JsonElement rule)
    {
        object fill = rule.ValueKind switch
        {
            JsonValueKind.Number => rule.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Statistic(rows, field, rule.GetString()!),
        };
        foreach (PreparedRow row in rows)
        {
            if (row.IsMissing(field))
            {
                row[field] = fill;
            }
        }
    }

    private static object Statistic(List<PreparedRow> rows, string field, string how)
    {
        if (how == "mode")
        {
            var counts = new Dictionary<object, int>();
            object? best = null;
            int bestCount = 0;
            foreach (PreparedRow row in rows)
            {
                if (row.TryGetValue(field, out object? value) && value is not null)
                {
                    int count = counts[value] = counts.GetValueOrDefault(value) + 1;
                    if (count > bestCount)
                    {
                        (best, bestCount) = (value, count);
                    }
                }
            }

            return best ?? throw new PrepareException($"impute.{field}", $"No row has a value for '{field}' to take the mode of.");
        }

        var numbers = new List<double>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].TryGetValue(field, out object? value) && value is not null)
            {
                numbers.Add(value is double number ? number : throw new PrepareException(
                    $"rows[{i}].{field}", $"{Describe(value)} is not a number; coerce '{field}' to a number to impute its {how}."));
            }
        }

        if (numbers.Count == 0)
        {
            throw new PrepareException($"impute.{field}", $"No row has a value for '{field}' to take the {how} of.");
        }

        if (how == "mean")
        {
            double sum = 0;
            foreach (double number in numbers)
            {
                sum += number;
            }

            return sum / numbers.Count;
        }

        numbers.Sort();
        int middle = numbers.Count / 2;
        return numbers.Count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
    }

    private static string Describe(object value) => value switch
    {
        string text => $"The text \"{text}\"",
        bool flag => $"The boolean {(flag ? "true" : "false")}",
        double number => $"The number {number.ToString("R", CultureInfo.InvariantCulture)}",
        _ => "The value",
    };
}
