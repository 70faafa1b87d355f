namespace Eddy.Server.Prepare;

/// <summary>One row as ordered fields; a value is a <see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or null.</summary>
internal sealed class PreparedRow : OrderedDictionary<string, object?>
{
    public PreparedRow()
        : base(StringComparer.Ordinal)
    {
    }

    public static PreparedRow From(IReadOnlyList<string> header, object?[] values)
    {
        var row = new PreparedRow();
        for (int c = 0; c < header.Count; c++)
        {
            row[header[c]] = values[c];
        }

        return row;
    }

    /// <summary>Absent or null.</summary>
    public bool IsMissing(string field) => !TryGetValue(field, out object? value) || value is null;
}
