namespace Eddy.Server.Prepare;

/// <summary>
/// A table read from a CSV, NDJSON or Parquet file: the column names in file order and the rows, each value a
/// <see cref="double"/>, a <see cref="string"/>, a <see cref="bool"/> or null (missing).
/// </summary>
public sealed record TabularRecords(IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows)
{
    /// <summary>True when the column holds text in the file's own types (Parquet strings, CSV cells that are not numbers).</summary>
    public bool IsText(int column)
    {
        bool any = false;
        foreach (object?[] row in Rows)
        {
            switch (row[column])
            {
                case string:
                    any = true;
                    break;
                case null:
                    break;
                default:
                    return false;
            }
        }

        return any;
    }
}
