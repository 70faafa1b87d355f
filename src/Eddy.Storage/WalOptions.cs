namespace Eddy.Storage;

/// <summary>Write-ahead log settings; <see cref="WriteAheadLog.Open"/> validates them.</summary>
/// <param name="SegmentBytes">A segment rolls when the next record would make it larger than this.</param>
/// <param name="Durability">What a completed <see cref="WriteAheadLog.WaitForDurableAsync"/> guarantees.</param>
public sealed record WalOptions(long SegmentBytes = 64L << 20, Durability Durability = Durability.Fsync)
{
    /// <summary>The smallest accepted segment size: a header and a few small records.</summary>
    public const long MinimumSegmentBytes = 256;

    /// <summary>
    /// With slow syncs, the longest a commit waits for the writers it expects back (it waits at most the average sync's
    /// time, and never longer than this: one unusually slow sync must not hold the next commit as long).
    /// </summary>
    public TimeSpan GatherLimit { get; init; } = TimeSpan.FromMilliseconds(10);
}
