namespace Eddy.Storage;

/// <summary>Counters of one open log since it was opened; every property is safe to read from any thread.</summary>
public sealed class WalStatistics
{
    private long _records;
    private long _bytes;
    private long _commits;
    private long _syncs;

    /// <summary>Records appended.</summary>
    public long Records => Volatile.Read(ref _records);

    /// <summary>Bytes appended, record headers included.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>Group commits: batches written by the flusher (each acknowledges every record it contains).</summary>
    public long Commits => Volatile.Read(ref _commits);

    /// <summary>fsync calls on segments and on the log directory (0 with <see cref="Durability.OsBuffered"/>).</summary>
    public long Syncs => Volatile.Read(ref _syncs);

    public override string ToString() => $"records={Records} bytes={Bytes} commits={Commits} syncs={Syncs}";

    internal void AddRecord(int bytes)
    {
        Interlocked.Increment(ref _records);
        Interlocked.Add(ref _bytes, bytes);
    }

    internal void AddCommit() => Interlocked.Increment(ref _commits);

    internal void AddSync() => Interlocked.Increment(ref _syncs);
}
