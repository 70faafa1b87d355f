using StackExchange.Redis;

namespace Eddy.Redis;

/// <summary>
/// One process's connection to the shared Redis: the multiplexer (reconnects on its own), the key names and the options.
/// Shared by the server side and the trainer side of a process.
/// </summary>
internal sealed class RedisBackend : IDisposable
{
    public RedisBackend(RedisOptions options, string role)
    {
        Options = options;
        Keys = new RedisKeys(options.Prefix);
        ConfigurationOptions configuration = ConfigurationOptions.Parse(options.Configuration!);

        // Start even when Redis is down: the process serves what it has and reconnects in the background.
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= $"eddy-{role}-{Environment.ProcessId}";
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 2000);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 2000);
        Description = "Redis at " + string.Join(",", configuration.EndPoints.Select(e => e.ToString()));
        Connection = ConnectionMultiplexer.Connect(configuration);
    }

    public RedisOptions Options { get; }

    public RedisKeys Keys { get; }

    public string Description { get; }

    public ConnectionMultiplexer Connection { get; }

    public IDatabase Database => Connection.GetDatabase();

    /// <summary>
    /// Subscribes, retrying until Redis answers: a process started while Redis is down keeps running (serving what it
    /// has, reporting not ready) instead of stopping. Once made, subscriptions survive reconnections.
    /// </summary>
    public async Task SubscribeAsync(RedisChannel channel, Action<RedisChannel, RedisValue> handler, Microsoft.Extensions.Logging.ILogger logger, CancellationToken stopping)
    {
        bool warned = false;
        while (true)
        {
            try
            {
                await Connection.GetSubscriber().SubscribeAsync(channel, handler).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                if (!warned)
                {
                    Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "{Backend} is not reachable ({Error}); retrying.", Description, e.Message);
                    warned = true;
                }
            }

            await Task.Delay(Options.PollMs, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Every model defined in Redis: name, generation, definition (the log's model-created payload).</summary>
    public async Task<List<ModelRecord>> ListModelsAsync()
    {
        IDatabase db = Database;
        RedisValue[] names = await db.SetMembersAsync(Keys.Models).ConfigureAwait(false);
        var reads = new Task<RedisValue[]>[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            reads[i] = db.HashGetAsync(Keys.Model(names[i]!), ["gen", "def"]);
        }

        var models = new List<ModelRecord>(names.Length);
        for (int i = 0; i < names.Length; i++)
        {
            RedisValue[] fields = await reads[i].ConfigureAwait(false);
            if (fields[0].IsNull || fields[1].IsNull)
            {
                // Listed but not (or no longer) defined: a creation or deletion in between its two steps.
                continue;
            }

            models.Add(new ModelRecord(names[i]!, (long)fields[0], (byte[])fields[1]!));
        }

        models.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return models;
    }

    /// <summary>The newest published version of a model generation: version, position covered, snapshot bytes; null if none.</summary>
    public async Task<PublishedVersion?> LatestAsync(ModelKeys keys)
    {
        IDatabase db = Database;
        RedisValue[] head = await db.HashGetAsync(keys.Head, ["version", "offset"]).ConfigureAwait(false);
        if (head[0].IsNull)
        {
            return null;
        }

        long version = (long)head[0];
        byte[]? bytes = await db.StringGetAsync(keys.Snapshot(version)).ConfigureAwait(false);
        return bytes is null ? null : new PublishedVersion(version, (long)head[1], bytes);
    }

    /// <summary>
    /// Says (in the log) when Redis is not set to keep an acknowledged learn through its own crash: acknowledgement means
    /// "Redis has it", and only <c>appendonly yes</c> with <c>appendfsync always</c> makes that durable.
    /// </summary>
    public async Task WarnIfNotDurableAsync(Microsoft.Extensions.Logging.ILogger logger)
    {
        try
        {
            var appendOnly = (RedisResult[])(await Database.ExecuteAsync("CONFIG", "GET", "appendonly").ConfigureAwait(false))!;
            var appendFsync = (RedisResult[])(await Database.ExecuteAsync("CONFIG", "GET", "appendfsync").ConfigureAwait(false))!;
            string aof = appendOnly.Length > 1 ? appendOnly[1].ToString() : "?";
            string fsync = appendFsync.Length > 1 ? appendFsync[1].ToString() : "?";
            if (aof != "yes" || fsync != "always")
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(
                    logger,
                    "{Backend} runs with appendonly={AppendOnly}, appendfsync={AppendFsync}: an acknowledged learn can be lost if Redis crashes. Durable: appendonly yes, appendfsync always (docs/DEPLOY.md).",
                    Description, aof, fsync);
            }
        }
        catch (Exception e) when (e is RedisException or RedisCommandException or TimeoutException)
        {
            // CONFIG is often disabled on managed Redis; its operator's settings decide.
            Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Cannot read {Backend}'s persistence settings ({Error}); make sure it uses appendfsync always.", Description, e.Message);
        }
    }

    /// <summary>A learner holding a published version (or a loaded snapshot file); <see cref="Eddy.Serialization.SnapshotFormatException"/> when it is not one.</summary>
    public static Eddy.Server.Hosting.Learner LoadVersion(
        Eddy.Server.Hosting.ModelDefinition definition, byte[] bytes, out Eddy.Server.Persistence.ModelSnapshot snapshot, Eddy.Server.Monitoring.ModelMonitor? monitor = null)
    {
        snapshot = Eddy.Server.Persistence.ModelSnapshot.Deserialize(bytes);
        var learner = new Eddy.Server.Hosting.Learner(definition, monitor);
        learner.Load(snapshot);
        return learner;
    }

    public void Dispose() => Connection.Dispose();

    internal sealed record ModelRecord(string Name, long Generation, byte[] Definition);

    internal sealed record PublishedVersion(long Version, long Offset, byte[] Snapshot);
}
