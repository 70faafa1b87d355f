namespace Eddy.Server;

/// <summary>
/// Server settings, bound from the <c>Eddy</c> configuration section: <c>appsettings.json</c>, environment variables
/// (<c>Eddy__ApiKey</c>) or <c>eddy serve</c> flags. Every setting has a default that works on a fresh machine.
/// </summary>
public sealed class EddyServerOptions
{
    public const string Section = "Eddy";

    /// <summary>
    /// <c>All</c> (default): one process serves, learns and keeps the log in <see cref="DataDirectory"/>. With Redis
    /// (<c>Eddy:Redis</c>, the <c>Eddy.Redis</c> package): <c>Server</c> answers predictions from published replicas and
    /// appends learns to the model's shared stream; <c>Trainer</c> is the single writer that applies the stream and
    /// publishes replicas; <c>All</c> then does both in one process.
    /// </summary>
    public ServerRole Role { get; set; } = ServerRole.All;

    /// <summary>
    /// How long a prediction sent with <c>Eddy-After: N</c> (read-your-writes: N is a learn's answered sequence) waits for
    /// the replica to cover N before it gets 503 <c>replica-behind</c>.
    /// </summary>
    public TimeSpan ReadYourWritesTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest raw file <c>POST /v1/ingest/{source}</c> accepts (bytes; 1 GiB by default).</summary>
    public long MaxIngestBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Per model, how many bytes of bulk batches (<c>stream?ack=logged</c>) may be logged ahead of learning (256 MiB by
    /// default, about two million examples of ten features). Past it, bulk requests wait for the model to catch up.
    /// </summary>
    public long BacklogBytes { get; set; } = 256L << 20;

    /// <summary>Where Kestrel listens. Loopback by default: exposing a model server is a deliberate act.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The local data directory (snapshots and the log, once durability lands).</summary>
    public string DataDirectory { get; set; } = "eddy-data";

    /// <summary>
    /// <c>Fsync</c> (default): a learn is acknowledged once its log record is on stable storage; it survives a crash of
    /// the process or the machine. <c>OsBuffered</c>: acknowledged once written to the OS; it survives a crash of the
    /// process but not a power loss or kernel crash, for throughput-first users.
    /// </summary>
    public Eddy.Storage.Durability Durability { get; set; } = Eddy.Storage.Durability.Fsync;

    /// <summary>A model is snapshotted after this many learns since its last snapshot.</summary>
    public long SnapshotEvery { get; set; } = 100_000;

    /// <summary>…or when this much time passed since its last snapshot and it learned something.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When set, creating and deleting models requires this key (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest accepted request body, in bytes (413 beyond).</summary>
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Largest accepted snapshot upload, in bytes.</summary>
    public long MaxSnapshotBytes { get; set; } = 256L << 20;

    /// <summary>Deepest accepted JSON nesting (400 beyond).</summary>
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>Pending predictions kept per model, waiting for their label; the oldest is dropped beyond.</summary>
    public int PendingCapacity { get; set; } = 100_000;

    /// <summary>How long a pending prediction waits for its label.</summary>
    public TimeSpan PendingTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Idempotency keys remembered per model.</summary>
    public int IdempotencyCapacity { get; set; } = 100_000;

    /// <summary>Window of the rolling copy of every model metric.</summary>
    public int RollingWindow { get; set; } = 1000;

    /// <summary>
    /// Exports metrics at <c>/metrics</c> (Prometheus text format): per-model learns, predictions, replica sequence, lag
    /// and age, progressive metrics, pending predictions, the log's counters, and ASP.NET Core's request durations.
    /// </summary>
    public bool Telemetry { get; set; } = true;

    /// <summary>
    /// A model snapshot to load before the server listens: a file path or an <c>http(s)://</c> URL (another Eddy's
    /// <c>GET /v1/models/{name}/snapshot</c>). The environment variable <c>EDDY_MODEL</c> sets it too. A missing,
    /// unreachable or invalid model stops the server with a message (exit code 2).
    /// </summary>
    public string? Model { get; set; }

    /// <summary>The name to serve the loaded model under; the name in the snapshot by default.</summary>
    public string? ModelName { get; set; }

    /// <summary>Whether the loaded model replaces one of the same name already in the data directory.</summary>
    public Persistence.ModelLoadMode ModelLoad { get; set; } = Persistence.ModelLoadMode.IfMissing;

    /// <summary>Maps the load-benchmark routes (<c>/_bench/*</c>); off in production.</summary>
    public bool BenchmarkRoutes { get; set; }

    /// <summary>The model created on a fresh start; empty for none.</summary>
    public string DefaultModel { get; set; } = "default";

    /// <summary>The default model's pipeline, in River's expression form (the seed application's model).</summary>
    public string DefaultSpec { get; set; } = "StandardScaler | LogisticRegression";

    /// <summary>The default model's metrics; ROCAUC (the seed's), Accuracy and LogLoss when not set.</summary>
    public string[]? DefaultMetrics { get; set; }
}
