using System.Diagnostics;

namespace Eddy.Storage;

/// <summary>The commit path: the flusher thread, group commit, segment rolls and failure.</summary>
public sealed partial class WriteAheadLog
{
    private void RunFlusher()
    {
        while (true)
        {
            _wake.Wait();
            _wake.Reset();

            // Cleared after the reset, so a wake that comes later sets the event again; one that came before finds its
            // records in the flush below (they were appended before it called Wake).
            Volatile.Write(ref _wakePending, 0);
            if (_fsync)
            {
                GatherGroup();
            }

            _flushLock.Enter();
            try
            {
                FlushPending();
            }
            finally
            {
                _flushLock.Exit();
            }

            if (_stopping)
            {
                return;
            }
        }
    }

    /// <summary>
    /// When syncs are slow (<see cref="SyncsAreSlow"/>), waits briefly for the records the appenders are about to bring
    /// before syncing. The requests a commit acknowledged usually come back within a round trip; syncing before they
    /// arrive splits steady concurrent writers into two groups that alternate, each waiting a whole sync for the other
    /// (32 connections learning gave 16 records per commit). So the next commit expects as many records as the last one
    /// acknowledged plus those already waiting, and waits for them at most as long as a sync takes (on average, and at
    /// most <see cref="WalOptions.GatherLimit"/>): a record that misses the group would have waited a whole sync
    /// anyway. It blocks without spinning (woken by every appender's wait). With fast syncs the server is bound by CPU
    /// rather than by the disk, and committing at once is cheaper.
    /// </summary>
    private void GatherGroup()
    {
        if (!SyncsAreSlow)
        {
            return;
        }

        long target = _gatherTarget;
        long durable = Volatile.Read(ref _durableLsn);
        long limit = Math.Min(Volatile.Read(ref _syncTicks), _gatherLimitTicks);
        long began = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _lastLsn) - durable < target && !_stopping)
        {
            double remainingMs = (limit - (Stopwatch.GetTimestamp() - began)) * 1000.0 / Stopwatch.Frequency;
            if (remainingMs <= 0)
            {
                Statistics.AddShortCommit();
                return;
            }

            // The timeout's unit is a millisecond: a sync shorter than that may wait up to one.
            _wake.Wait((int)Math.Ceiling(remainingMs));
            _wake.Reset();
            Volatile.Write(ref _wakePending, 0);
        }
    }

    /// <summary>
    /// One group commit: takes everything buffered, writes it (rolling segments where Append decided), syncs once,
    /// then releases every waiter it covered. Caller holds <see cref="_flushLock"/>.
    /// </summary>
    private void FlushPending()
    {
        byte[] buffer;
        int length;
        List<(int Offset, long FirstLsn)> rolls;
        long upTo;
        lock (_gate)
        {
            if (_failure is not null || _pendingLength == 0)
            {
                return;
            }

            buffer = _pending;
            length = _pendingLength;
            rolls = _rolls;
            upTo = _lastLsn;
            _pending = _spare;
            _pendingLength = 0;
            _rolls = _spareRolls;
        }

        long began = Stopwatch.GetTimestamp();
        try
        {
            int offset = 0;
            foreach ((int rollOffset, long firstLsn) in rolls)
            {
                // The sealed segment is synced before the next one gets records, so only the last can be torn. Its
                // reserved zeros are cut first: only the active segment has any.
                _active!.Write(buffer.AsSpan(offset, rollOffset - offset));
                CutReserved(_active);
                Sync(_active);
                CloseActive();
                _active = CreateSegment(firstLsn);
                _reservedEnd = _active.Length;
                lock (_gate)
                {
                    _segments.Add(firstLsn);
                }

                offset = rollOffset;
            }

            _active!.Write(buffer.AsSpan(offset, length - offset));
            Sync(_active);
            if (rolls.Count > 0)
            {
                SyncDirectory();
            }
        }
        catch (Exception e)
        {
            Fail(e);
            return;
        }
        finally
        {
            rolls.Clear();
            _spare = buffer;
            _spareRolls = rolls;
        }

        // A moving average (weight 1/8 for the newest), so one stalled sync neither switches gathering on nor sets its wait.
        long took = Stopwatch.GetTimestamp() - began;
        long average = Volatile.Read(ref _syncTicks);
        Volatile.Write(ref _syncTicks, average == 0 ? took : average + ((took - average) / 8));
        Statistics.AddCommit();
        lock (_gate)
        {
            _gatherTarget = upTo - _durableLsn + (_lastLsn - upTo);
            Volatile.Write(ref _durableLsn, upTo);
            while (_waiters.TryPeek(out TaskCompletionSource? waiter, out long lsn) && lsn <= upTo)
            {
                _waiters.Dequeue();
                waiter.TrySetResult();
            }
        }

        ReserveAhead();
    }

    /// <summary>
    /// With <see cref="Durability.Fsync"/>, keeps zeros reserved ahead of the active segment's end (up to
    /// <see cref="ReserveBytes"/>, within the segment size), so a commit's sync writes only the data: a sync that
    /// grows the file must also write its inode, one more disk write per commit (on a virtual disk, measured: about a
    /// quarter of the sync's time and CPU). Done after the waiters are released; the next commit's sync carries the
    /// zeros once per reserved range. A failure (a full disk) is left to the writes: reserving only speeds them up.
    /// </summary>
    private void ReserveAhead()
    {
        IStorageFile? active = _active;
        if (!_fsync || active is null || _reservedEnd - active.Length >= ReserveBytes / 2)
        {
            return;
        }

        long end = Math.Min(_segmentBytes, active.Length + ReserveBytes);
        try
        {
            if (end > _reservedEnd)
            {
                active.Reserve(end);
            }

            _reservedEnd = end;
        }
        catch (IOException)
        {
            // Not again in this segment; the zeros written so far are harmless (a reader stops at them).
            _reservedEnd = _segmentBytes;
        }
    }

    private void Sync(IStorageFile file)
    {
        file.Flush(_fsync);
        if (_fsync)
        {
            Statistics.AddSync();
        }
    }

    private void SyncDirectory()
    {
        if (_fsync)
        {
            _fileSystem.SyncDirectory(_directory);
            Statistics.AddSync();
        }
    }

    private IStorageFile CreateSegment(long firstLsn)
    {
        IStorageFile file = _fileSystem.CreateFile(SegmentPath(firstLsn));
        try
        {
            Span<byte> header = stackalloc byte[WalFormat.SegmentHeaderSize];
            WalFormat.WriteSegmentHeader(header, firstLsn);
            file.Write(header);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private void Fail(Exception cause)
    {
        lock (_gate)
        {
            _failure ??= cause;
            _pendingLength = 0;
            _rolls.Clear();
            while (_waiters.TryDequeue(out TaskCompletionSource? waiter, out _))
            {
                waiter.TrySetException(NewFailure());
            }
        }

        try
        {
            CloseActive();
        }
        catch (IOException)
        {
            // The log is already failed; the handle is gone either way.
        }
    }

    /// <summary>A closed log's segment ends at its last record, as a sealed one does (a failure is harmless: recovery cuts the zeros).</summary>
    private void TrimReserved()
    {
        IStorageFile? active = _active;
        if (active is null || _reservedEnd <= active.Length)
        {
            return;
        }

        try
        {
            CutReserved(active);
            Sync(active);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Cuts the zeros reserved after the active segment's last record (sealing or closing it).</summary>
    private void CutReserved(IStorageFile active)
    {
        if (_reservedEnd > active.Length)
        {
            active.SetLength(active.Length);
            _reservedEnd = active.Length;
        }
    }

    private void CloseActive()
    {
        IStorageFile? active = _active;
        _active = null;
        active?.Dispose();
    }
}
