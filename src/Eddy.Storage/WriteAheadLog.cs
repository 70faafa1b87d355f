namespace Eddy.Storage;

/// <summary>
/// A segmented, checksummed write-ahead log with group commit (layout: <see cref="WalFormat"/>, docs/FORMAT.md).
/// <para>
/// "Appended" and "durable" are separate (Tsavorite's Enqueue / WaitForCommit): <see cref="Append"/> copies the
/// record into an in-memory buffer and returns its LSN; <see cref="WaitForDurableAsync"/> completes once a commit
/// has written (and, with <see cref="Durability.Fsync"/>, synced) every record up to it. One background flusher
/// writes everything appended so far and syncs once for all waiters, so concurrent appenders share fsyncs.
/// With <see cref="Durability.OsBuffered"/> a waiter that finds the flusher idle writes the batch itself, which
/// saves a thread hop per commit; it never syncs.
/// </para>
/// <para>
/// A failed write or fsync fails the log for good: after a failed fsync the kernel may have dropped the dirty pages
/// and a retry can report success for data that is gone, so nothing after <see cref="DurableLsn"/> is ever reported
/// durable. Reopen the log to continue; recovery truncates whatever partial record the failure left.
/// </para>
/// </summary>
public sealed partial class WriteAheadLog : IAsyncDisposable
{
    // Appenders that never wait still get written once this much is buffered.
    private const int WakeThresholdBytes = 1 << 20;

    // With Fsync, the active segment is kept zero-filled this far ahead of its end (see ReserveAhead).
    private const long ReserveBytes = 1 << 20;

    // A sync at least this long is slow: gathering waits are in whole milliseconds, so only then can one be bounded by
    // a sync's time.
    private static readonly long s_slowSyncTicks = System.Diagnostics.Stopwatch.Frequency / 1000;

    private readonly IStorageFileSystem _fileSystem;
    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly bool _fsync;
    private readonly Lock _gate = new();
    private readonly Lock _flushLock = new();
    private readonly List<long> _segments;
    private readonly PriorityQueue<TaskCompletionSource, long> _waiters = new();
    // No spinning before blocking: the flusher sleeps between commits for about a sync's time, and on a small machine
    // a spinning flusher takes the core the requests it waits for need.
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private readonly Task _flusher;

    // Guarded by _gate.
    private byte[] _pending = new byte[64 << 10];
    private int _pendingLength;
    private List<(int Offset, long FirstLsn)> _rolls = [];
    private long _lastLsn;
    private long _durableLsn;
    private long _activeBytes;
    private Exception? _failure;
    private bool _disposed;

    // Guarded by _flushLock.
    private byte[] _spare = new byte[64 << 10];
    private List<(int Offset, long FirstLsn)> _spareRolls = [];
    private IStorageFile? _active;
    private long _reservedEnd;
    private long _syncTicks;
    private readonly long _gatherLimitTicks;
    private long _gatherTarget;

    private int _wakePending;
    private volatile bool _stopping;

    private WriteAheadLog(IStorageFileSystem fileSystem, string directory, WalOptions options, WalRecoveryResult recovered)
    {
        _fileSystem = fileSystem;
        _directory = directory;
        _segmentBytes = options.SegmentBytes;
        _fsync = options.Durability == Durability.Fsync;
        _gatherLimitTicks = (long)(options.GatherLimit.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        _segments = recovered.Segments;
        _lastLsn = recovered.LastLsn;
        _durableLsn = recovered.LastLsn;
        if (_segments.Count == 0)
        {
            long firstLsn = recovered.LastLsn + 1;
            _active = CreateSegment(firstLsn);
            _active.Flush(_fsync);
            SyncDirectory();
            _segments.Add(firstLsn);
        }
        else
        {
            _active = _fileSystem.OpenFile(SegmentPath(_segments[^1]));
        }

        _activeBytes = _active.Length;
        _reservedEnd = _activeBytes;
        _flusher = Task.Factory.StartNew(RunFlusher, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Whether commits' writes and syncs take a millisecond or more (a moving average over the last few): the disk, not the CPU, then bounds how fast
    /// waiters are answered, and commits gather the writers they expect back (see <c>GatherGroup</c>); appenders that
    /// pipeline should then keep appending while earlier records sync rather than wait for them. Always false with
    /// <see cref="Durability.OsBuffered"/>.
    /// </summary>
    public bool SyncsAreSlow => _fsync && Volatile.Read(ref _syncTicks) >= s_slowSyncTicks;

    /// <summary>The highest appended LSN (0 when the log has never held a record).</summary>
    public long LastLsn => Volatile.Read(ref _lastLsn);

    /// <summary>The highest LSN known durable; every record up to it survives a crash (see <see cref="Durability"/>).</summary>
    public long DurableLsn => Volatile.Read(ref _durableLsn);

    public WalStatistics Statistics { get; } = new();

    /// <summary>
    /// Opens (creating if needed) the log of the data directory <paramref name="directory"/>; its segments live in
    /// <see cref="StorageLayout.WalDirectory"/>. Validates every segment and LSN continuity (a missing segment is
    /// <see cref="WalCorruptException"/>, never skipped), truncates a torn tail of the last segment (reported through
    /// <paramref name="log"/>) and positions for appending at the next LSN.
    /// </summary>
    public static WriteAheadLog Open(string directory, WalOptions options, IStorageFileSystem? fileSystem = null, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SegmentBytes, WalOptions.MinimumSegmentBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.GatherLimit, TimeSpan.Zero, nameof(options));
        if (!Enum.IsDefined(options.Durability))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Durability, "Unknown durability.");
        }

        fileSystem ??= PhysicalFileSystem.Instance;
        string walDirectory = StorageLayout.WalDirectory(directory);
        WalRecoveryResult recovered = WalRecovery.Recover(fileSystem, walDirectory, options.Durability, log);
        return new WriteAheadLog(fileSystem, walDirectory, options, recovered);
    }

    /// <summary>Buffers a record and returns its LSN (dense, +1 per record). Thread-safe; does not wait for I/O.</summary>
    public long Append(byte kind, ReadOnlySpan<byte> payload)
    {
        int size = WalFormat.RecordHeaderSize + payload.Length;
        if (size > _segmentBytes - WalFormat.SegmentHeaderSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(payload), payload.Length, $"A record must fit in one segment of {_segmentBytes} bytes with its headers.");
        }

        long lsn;
        bool wake;
        lock (_gate)
        {
            ThrowIfUnusable();
            lsn = _lastLsn + 1;
            if (_activeBytes + size > _segmentBytes && _activeBytes > WalFormat.SegmentHeaderSize)
            {
                // Records never straddle segments: this one starts the next segment.
                _rolls.Add((_pendingLength, lsn));
                _activeBytes = WalFormat.SegmentHeaderSize;
            }

            if (_pending.Length - _pendingLength < size)
            {
                Array.Resize(ref _pending, (int)Math.Min(Array.MaxLength, Math.Max((long)_pending.Length * 2, (long)_pendingLength + size)));
            }

            WalFormat.WriteRecord(_pending.AsSpan(_pendingLength, size), lsn, kind, payload);
            _pendingLength += size;
            _activeBytes += size;
            Volatile.Write(ref _lastLsn, lsn);
            wake = _pendingLength >= WakeThresholdBytes;
        }

        Statistics.AddRecord(size);
        if (wake)
        {
            Wake();
        }

        return lsn;
    }

    /// <summary>
    /// Completes when every record up to <paramref name="lsn"/> is durable; faults with <see cref="WalWriteException"/>
    /// if the log fails first. Cancellation abandons the wait, not the commit.
    /// </summary>
    public ValueTask WaitForDurableAsync(long lsn, CancellationToken cancellation = default)
    {
        if (lsn <= Volatile.Read(ref _durableLsn))
        {
            return ValueTask.CompletedTask;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(lsn, Volatile.Read(ref _lastLsn));
        if (!_fsync && _flushLock.TryEnter())
        {
            try
            {
                FlushPending();
            }
            finally
            {
                _flushLock.Exit();
            }

            if (lsn <= Volatile.Read(ref _durableLsn))
            {
                return ValueTask.CompletedTask;
            }
        }

        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (lsn <= _durableLsn)
            {
                return ValueTask.CompletedTask;
            }

            if (_failure is not null)
            {
                return ValueTask.FromException(NewFailure());
            }

            ObjectDisposedException.ThrowIf(_disposed, this);
            _waiters.Enqueue(waiter, lsn);
        }

        Wake();
        return cancellation.CanBeCanceled ? new ValueTask(waiter.Task.WaitAsync(cancellation)) : new ValueTask(waiter.Task);
    }

    /// <summary>Flushes what is buffered, stops the flusher and closes the active segment.</summary>
    /// <exception cref="WalWriteException">The final flush failed (records appended since the last commit are lost).</exception>
    public async ValueTask DisposeAsync()
    {
        bool failedBefore;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            failedBefore = _failure is not null;
        }

        _stopping = true;
        _wake.Set();
        await _flusher.ConfigureAwait(false);
        _flushLock.Enter();
        try
        {
            FlushPending();
            TrimReserved();
            CloseActive();
        }
        finally
        {
            _flushLock.Exit();
        }

        // _wake is not disposed: a waiter racing with dispose may still signal it, and it holds no OS handle.
        lock (_gate)
        {
            if (!failedBefore && _failure is not null)
            {
                throw NewFailure();
            }
        }
    }

    private string SegmentPath(long firstLsn) => Path.Combine(_directory, StorageLayout.SegmentFileName(firstLsn));

    private void ThrowIfUnusable()
    {
        if (_failure is not null)
        {
            throw NewFailure();
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
    }

    private WalWriteException NewFailure() =>
        new($"The write-ahead log failed; records after LSN {_durableLsn} were not made durable. Reopen it to continue.", _failure!);

    private void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            _wake.Set();
        }
    }
}
