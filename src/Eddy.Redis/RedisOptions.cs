namespace Eddy.Redis;

/// <summary>
/// Scale-out settings, bound from <c>Eddy:Redis</c> (flags of <c>eddy serve</c>, <c>Eddy__Redis__…</c> variables).
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Eddy:Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:port,password=…</c>). Required for the scale-out roles.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel, so several Eddy deployments can share one Redis.</summary>
    public string Prefix { get; set; } = "eddy";

    /// <summary>How long a trainer's lease on a model lasts without renewal; a standby takes over after it lapses.</summary>
    public int LeaseMs { get; set; } = 5000;

    /// <summary>The trainer publishes a new version after at most this many learns…</summary>
    public int PublishEvery { get; set; } = 1000;

    /// <summary>…and, when it has caught up with the stream, at most this long after the previous version.</summary>
    public int PublishIntervalMs { get; set; } = 10;

    /// <summary>Published versions kept in Redis (for download and rollback); older ones are deleted.</summary>
    public int KeepVersions { get; set; } = 8;

    /// <summary>How often servers and trainers look at Redis when no notification arrives (the fallback to pub/sub).</summary>
    public int PollMs { get; set; } = 500;

    /// <summary>A server whose replica is more than this many stream entries behind reports not ready (0: no bound).</summary>
    public long MaxStalenessExamples { get; set; }

    /// <summary>…or whose oldest uncovered entry waited longer than this, or that could not check for this long (0: no bound).</summary>
    public int MaxStalenessMs { get; set; }

    /// <summary>
    /// A read-your-writes prediction (<c>Eddy-After</c>) not covered by a publication within this many milliseconds is
    /// served from a replica the server brings up to date itself: its newest version plus the stream after it (0: only
    /// ever wait for publications).
    /// </summary>
    public int CatchUpAfterMs { get; set; } = 50;

    /// <summary>Trim the stream below the previous published version (false keeps it all, e.g. to audit or replay it).</summary>
    public bool TrimStream { get; set; } = true;

    /// <summary>
    /// How long an idempotency key is remembered: a retry within it is answered "replayed", never learned twice. Redis
    /// holds one small key per keyed learn for this long (rate × TTL keys), so it is minutes, not days: retries come
    /// within seconds.
    /// </summary>
    public TimeSpan IdempotencyTtl { get; set; } = TimeSpan.FromMinutes(10);
}
