namespace Eddy.Storage;

/// <summary>Counters of one open log since it was opened; every property is safe to read from any thread.</summary>
public sealed class WalStatistics
{
    private long _records;
    private long _bytes;
    private long _commits;
    private long _syncs;
    private long _shortCommits;

    /// <summary>Records appended.</summary>
    public long Records => Volatile.Read(ref _records);

    /// <summary>Bytes appended, record headers included.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>Group commits: batches written by the flusher (each acknowledges every record it contains).</summary>
    public long Commits => Volatile.Read(ref _commits);

    /// <summary>fsync calls on segments and on the log directory (0 with <see cref="Durability.OsBuffered"/>).</summary>
    public long Syncs => Volatile.Read(ref _syncs);

    /// <summary>
    /// Commits that stopped waiting for the records they expected (as many as the previous commit acknowledged, plus
    /// those already waiting) after a sync's time, and went with fewer. Many of them mean the writers do not come back
    /// right after an acknowledgement (think time, or fewer writers than before).
    /// </summary>
    public long ShortCommits => Volatile.Read(ref _shortCommits);

    public override string ToString() => $"records={Records} bytes={Bytes} commits={Commits} syncs={Syncs} short={ShortCommits}";

    internal void AddRecord(int bytes)
    {
        Interlocked.Increment(ref _records);
        Interlocked.Add(ref _bytes, bytes);
    }

    internal void AddCommit() => Interlocked.Increment(ref _commits);

    internal void AddSync() => Interlocked.Increment(ref _syncs);

    internal void AddShortCommit() => Interlocked.Increment(ref _shortCommits);
}
