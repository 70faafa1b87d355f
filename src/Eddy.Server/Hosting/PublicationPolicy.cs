namespace Eddy.Server.Hosting;

/// <summary>
/// When the writer publishes a new read replica. The default, after every learn, makes a learn that has returned
/// visible to every prediction that starts after it. Every N learns or every T milliseconds trade that freshness
/// for throughput on models whose copy is expensive; the replica then lags by at most N learns or T ms.
/// </summary>
internal sealed record PublicationPolicy(int EveryLearns, int EveryMilliseconds)
{
    public static PublicationPolicy AfterEveryLearn { get; } = new(1, 0);

    public bool IsAfterEveryLearn => EveryLearns == 1 && EveryMilliseconds == 0;

    public static PublicationPolicy Every(int learns) =>
        learns >= 1 ? new PublicationPolicy(learns, 0) : throw new ArgumentOutOfRangeException(nameof(learns), learns, "Must be at least 1.");

    public static PublicationPolicy EveryMs(int milliseconds) =>
        milliseconds >= 1 ? new PublicationPolicy(0, milliseconds) : throw new ArgumentOutOfRangeException(nameof(milliseconds), milliseconds, "Must be at least 1.");

    /// <summary>Whether the writer publishes now, given learns since the last publication and the time since it.</summary>
    public bool ShouldPublish(long unpublished, TimeSpan sinceLastPublish) =>
        unpublished > 0 && ((EveryLearns > 0 && unpublished >= EveryLearns)
            || (EveryMilliseconds > 0 && sinceLastPublish.TotalMilliseconds >= EveryMilliseconds));

    public override string ToString() => EveryMilliseconds > 0 ? $"every {EveryMilliseconds} ms" : EveryLearns == 1 ? "after every learn" : $"every {EveryLearns} learns";
}
