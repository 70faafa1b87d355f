namespace Eddy.Server.Hosting;

/// <summary>Per-model bounds, from <see cref="EddyServerOptions"/>.</summary>
internal sealed record ModelHostOptions(int PendingCapacity, TimeSpan PendingTtl, int IdempotencyCapacity, long SnapshotEvery, TimeSpan SnapshotInterval, long BacklogBytes = 256L << 20);
