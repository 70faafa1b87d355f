namespace Eddy.FeatureExtraction;

/// <summary>Argument checks and Python-style reprs shared by <see cref="Agg"/> and <see cref="TargetAgg"/>.</summary>
internal static class AggKeys
{
    public static string[] Validate(IEnumerable<string>? by, string parameter)
    {
        string[] keys = by is null ? [] : [.. by];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("A grouping feature name is empty.", parameter);
            }

            if (!seen.Add(key))
            {
                throw new ArgumentException($"The grouping feature '{key}' is repeated.", parameter);
            }
        }

        return keys;
    }

    /// <summary>Python's repr of a string (single quotes unless the text holds one).</summary>
    public static string Quote(string text) =>
        text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal)
            ? $"\"{text}\""
            : "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>River keeps <c>by</c> as a list, or None when no key is given.</summary>
    public static string Repr(IReadOnlyList<string> by) =>
        by.Count == 0 ? "None" : "[" + string.Join(", ", by.Select(Quote)) + "]";
}
