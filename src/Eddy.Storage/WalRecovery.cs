namespace Eddy.Storage;

/// <summary>What <see cref="WalRecovery.Recover"/> found: the segments to keep and where appending continues.</summary>
/// <param name="Segments">First LSNs of the valid segments, oldest first; the last one is active (may be empty).</param>
/// <param name="LastLsn">The last valid record's LSN, or the LSN before the first segment's when none.</param>
internal sealed record WalRecoveryResult(List<long> Segments, long LastLsn);

/// <summary>
/// Opening a log: every segment is read and validated (headers, checksums, LSN continuity from one segment to the
/// next). Only the last segment may end in a torn or invalid tail, which is truncated; anything else is
/// <see cref="WalCorruptException"/>. Reading everything costs a pass over the log, which snapshots plus
/// <see cref="WriteAheadLog.RemoveSegmentsBefore"/> keep short.
/// </summary>
internal static class WalRecovery
{
    public static WalRecoveryResult Recover(IStorageFileSystem fileSystem, string directory, Durability durability, Action<string>? log)
    {
        fileSystem.CreateDirectory(directory);
        var segments = new List<long>();
        foreach (string name in fileSystem.ListFiles(directory))
        {
            if (StorageLayout.TryParseSegmentFileName(name, out long firstLsn) && firstLsn >= 1)
            {
                segments.Add(firstLsn);
            }
        }

        segments.Sort();
        if (segments.Count == 0)
        {
            return new WalRecoveryResult(segments, 0);
        }

        long expected = segments[0];
        for (int i = 0; i < segments.Count; i++)
        {
            string path = Path.Combine(directory, StorageLayout.SegmentFileName(segments[i]));
            if (segments[i] != expected)
            {
                string missing = StorageLayout.SegmentFileName(expected);
                throw new WalCorruptException(
                    $"Write-ahead log segment '{missing}' is missing: the segment before ends at LSN {expected - 1} " +
                    $"but the next one, '{path}', starts at LSN {segments[i]}.");
            }

            bool isLast = i == segments.Count - 1;
            if (isLast && WalSegmentReader.IsTornCreation(fileSystem, path))
            {
                // A crash while a new segment was being created: its header never reached the disk, so it holds no
                // record. Recreate it empty.
                log?.Invoke($"Write-ahead log: the segment '{path}' was never completely created; starting it again.");
                fileSystem.DeleteFile(path);
                segments.RemoveAt(i);
                break;
            }

            expected = ScanSegment(fileSystem, path, segments[i], isLast, durability, log);
        }

        return new WalRecoveryResult(segments, expected - 1);
    }

    /// <summary>Validates every record; returns the LSN after the segment's last valid one.</summary>
    private static long ScanSegment(IStorageFileSystem fileSystem, string path, long firstLsn, bool isLast, Durability durability, Action<string>? log)
    {
        long validEnd;
        long length;
        long nextLsn;
        using (WalSegmentReader reader = WalSegmentReader.Open(fileSystem, path, firstLsn))
        {
            WalReadStatus status;
            while ((status = reader.ReadNext()) == WalReadStatus.Record)
            {
            }

            // At the end of the last segment only zeros the writer reserved ahead may follow: nothing is lost, and
            // they are cut (below, without a report) so that appending continues right after the last record.
            if (status == WalReadStatus.End && !(isLast && reader.HasTail))
            {
                return reader.NextLsn;
            }

            validEnd = reader.Position;
            length = reader.Length;
            nextLsn = reader.NextLsn;
            if (status == WalReadStatus.Torn && !isLast)
            {
                // Segments are synced before the next one is started, so a sealed segment never has a torn tail.
                throw reader.Corrupt($"{reader.TornReason}, and it is not the last segment (so this is not a torn write)");
            }

            if (status == WalReadStatus.Torn)
            {
                log?.Invoke(
                    $"Write-ahead log: truncated a torn tail of '{path}': {length - validEnd} bytes dropped at offset " +
                    $"{validEnd} ({reader.TornReason}); the log ends at LSN {nextLsn - 1}, the dropped bytes held LSN " +
                    $"{nextLsn} and possibly more.");
            }
        }

        Truncate(fileSystem, path, validEnd, durability);
        return nextLsn;
    }

    private static void Truncate(IStorageFileSystem fileSystem, string path, long length, Durability durability)
    {
        using IStorageFile file = fileSystem.OpenFile(path);
        file.SetLength(length);
        file.Flush(toDisk: durability == Durability.Fsync);
    }
}
