namespace Eddy.Storage;

/// <summary>Reading committed records back, and dropping segments a snapshot made unnecessary.</summary>
public sealed partial class WriteAheadLog
{
    /// <summary>
    /// Every committed record with <c>Lsn &gt;= fromLsn</c> (up to <see cref="DurableLsn"/> when the enumeration
    /// starts), in LSN order, each validated whole before it is yielded; payloads are fresh copies. Records of
    /// removed segments are gone, so the first record may be after <paramref name="fromLsn"/>.
    /// </summary>
    public IEnumerable<WalRecord> Read(long fromLsn = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromLsn, 1);
        return ReadCommitted(fromLsn);
    }

    /// <summary>Deletes whole segments whose records are all below <paramref name="lsn"/>; never the active one.</summary>
    public void RemoveSegmentsBefore(long lsn)
    {
        List<long> doomed;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            int count = 0;
            while (count + 1 < _segments.Count && _segments[count + 1] <= lsn)
            {
                count++;
            }

            doomed = _segments.GetRange(0, count);
            _segments.RemoveRange(0, count);
        }

        // Oldest first, so a crash part-way leaves a log that still starts at a segment boundary.
        foreach (long firstLsn in doomed)
        {
            _fileSystem.DeleteFile(SegmentPath(firstLsn));
        }

        if (doomed.Count > 0)
        {
            SyncDirectory();
        }
    }

    private IEnumerable<WalRecord> ReadCommitted(long fromLsn)
    {
        long[] segments;
        long upTo;
        lock (_gate)
        {
            segments = [.. _segments];
            upTo = _durableLsn;
        }

        int start = 0;
        while (start + 1 < segments.Length && segments[start + 1] <= fromLsn)
        {
            start++;
        }

        long expected = segments[start];
        for (int i = start; i < segments.Length && expected <= upTo; i++)
        {
            using WalSegmentReader reader = WalSegmentReader.Open(_fileSystem, SegmentPath(segments[i]), segments[i]);
            if (reader.FirstLsn != expected)
            {
                throw reader.Corrupt($"it starts at LSN {reader.FirstLsn} but the previous segment ends at LSN {expected - 1}");
            }

            while (expected <= upTo)
            {
                WalReadStatus status = reader.ReadNext();
                if (status == WalReadStatus.Torn && i == segments.Length - 1)
                {
                    throw reader.Corrupt($"{reader.TornReason}, but LSN {expected} was committed");
                }

                if (status != WalReadStatus.Record)
                {
                    break;
                }

                if (reader.Lsn >= fromLsn)
                {
                    yield return new WalRecord(reader.Lsn, reader.Kind, reader.Payload.ToArray());
                }

                expected = reader.NextLsn;
            }
        }

        if (expected <= upTo)
        {
            throw new WalCorruptException($"Write-ahead log: LSN {expected} was committed but no segment holds it.");
        }
    }
}
