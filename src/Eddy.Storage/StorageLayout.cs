using System.Globalization;

namespace Eddy.Storage;

/// <summary>
/// Every on-disk name of a data directory, in one place (Tsavorite's <c>DefaultCheckpointNamingScheme</c>):
/// <code>
/// &lt;data&gt;/wal/00000000000000000001.wal           a log segment, named by its first LSN (20 digits)
/// &lt;data&gt;/snapshots/&lt;name&gt;/00000000000000000042.snap  a model snapshot, named by its sequence
/// …/00000000000000000042.snap.tmp                  a snapshot being written (ignored, deleted on sight)
/// </code>
/// Renaming anything here changes the durable format: bump the format versions and say so in docs/FORMAT.md.
/// </summary>
public static class StorageLayout
{
    public const string WalDirectoryName = "wal";
    public const string SnapshotsDirectoryName = "snapshots";
    public const string IngestDirectoryName = "ingest";
    public const string SegmentExtension = ".wal";
    public const string SnapshotExtension = ".snap";
    public const string TempSuffix = ".tmp";

    /// <summary>Digits of a zero-padded LSN or sequence: long.MaxValue has 19, so names sort as numbers.</summary>
    public const int NumberDigits = 20;

    /// <summary>Longest model name accepted by <see cref="IsValidName"/> (file systems allow 255 bytes).</summary>
    public const int MaxNameLength = 128;

    public static string WalDirectory(string dataDirectory) => Path.Combine(dataDirectory, WalDirectoryName);

    public static string SnapshotsDirectory(string dataDirectory) => Path.Combine(dataDirectory, SnapshotsDirectoryName);

    /// <summary>Raw ingested data: <c>ingest/&lt;source&gt;/&lt;UTC time&gt;-&lt;random&gt;.&lt;format&gt;</c>, never rewritten.</summary>
    public static string IngestDirectory(string dataDirectory) => Path.Combine(dataDirectory, IngestDirectoryName);

    public static string SnapshotDirectory(string dataDirectory, string name) =>
        Path.Combine(SnapshotsDirectory(dataDirectory), name);

    public static string SegmentFileName(long firstLsn) => FormatNumber(firstLsn) + SegmentExtension;

    public static bool TryParseSegmentFileName(string fileName, out long firstLsn) =>
        TryParseNumber(fileName, SegmentExtension, out firstLsn);

    public static string SnapshotFileName(long sequence) => FormatNumber(sequence) + SnapshotExtension;

    public static bool TryParseSnapshotFileName(string fileName, out long sequence) =>
        TryParseNumber(fileName, SnapshotExtension, out sequence);

    public static string TempFileName(string fileName) => fileName + TempSuffix;

    public static bool IsTempFileName(string fileName) => fileName.EndsWith(TempSuffix, StringComparison.Ordinal);

    /// <summary>
    /// Model names become directory names: only [A-Za-z0-9._-], 1 to <see cref="MaxNameLength"/> characters, not
    /// ending in '.' (which rules out "." and "..", so a name never leaves its directory, and Windows' trailing-dot
    /// trimming).
    /// </summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name[^1] == '.')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static string FormatNumber(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return value.ToString("D" + NumberDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static bool TryParseNumber(string fileName, string extension, out long value)
    {
        value = 0;
        if (fileName.Length != NumberDigits + extension.Length || !fileName.EndsWith(extension, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> digits = fileName.AsSpan(0, NumberDigits);
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
