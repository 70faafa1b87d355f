namespace Eddy.Client;

/// <summary>How an <see cref="EddyClient"/> retries and authenticates.</summary>
public sealed class EddyClientOptions
{
    /// <summary>Attempts per logical call, the first included (1: never retry).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first retry waits about this long; each next one twice as long, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between attempts. A <c>Retry-After</c> longer than this is not waited for: the error is thrown.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent as <c>X-Api-Key</c> on the admin routes (create, delete, publication, snapshot upload, backup, restore).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Most lines per request of <see cref="EddyClient.StreamAsync(string, IAsyncEnumerable{StreamItem}, CancellationToken)"/>.</summary>
    public int StreamSegmentLines { get; init; } = 256;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(StreamSegmentLines, 1, nameof(StreamSegmentLines));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
    }
}
