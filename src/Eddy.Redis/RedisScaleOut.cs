using System.Collections.Concurrent;
using Eddy.Server;
using Eddy.Server.Hosting;
using Eddy.Server.Persistence;
using Eddy.Server.ScaleOut;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Eddy.Redis;

/// <summary>
/// The serving side of scale-out: keeps this process's models in step with the ones defined in Redis, appends their
/// learns to the shared streams (<see cref="RedisModelLog"/>), and swaps in each version the trainer publishes — at
/// once when notified over pub/sub, and by polling as a fallback, which also measures how far behind each replica is.
/// </summary>
internal sealed class RedisScaleOut : BackgroundService, IScaleOut
{
    private readonly RedisBackend _backend;
    private readonly ModelRegistry _registry;
    private readonly ModelFactory _factory;
    private readonly EddyServerOptions _server;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly ConcurrentDictionary<string, Follower> _followers = new(StringComparer.Ordinal);
    private readonly bool _serving;
    private readonly TrainerService? _trainers;
    private volatile bool _synchronized;
    private long _lastContactTicks;

    public RedisScaleOut(RedisBackend backend, ModelRegistry registry, ModelFactory factory, IOptions<EddyServerOptions> server, ILogger<RedisScaleOut> logger, bool serving, TrainerService? trainers)
    {
        _serving = serving;
        _trainers = trainers;
        _backend = backend;
        _registry = registry;
        _factory = factory;
        _server = server.Value;
        _logger = logger;
    }

    public string Description => _backend.Description;

    public IReadOnlyDictionary<string, TrainingStatus>? Training => _trainers?.Status();

    public string? NotReadyReason
    {
        get
        {
            if (!_serving)
            {
                return _trainers?.NotReadyReason;
            }

            if (!_synchronized)
            {
                return $"the models have not been read from {_backend.Description} yet";
            }

            if (!string.IsNullOrEmpty(_server.DefaultModel) && !_registry.TryGet(_server.DefaultModel, out _))
            {
                return $"the default model '{_server.DefaultModel}' is not defined yet";
            }

            RedisOptions options = _backend.Options;
            double sinceContact = Environment.TickCount64 - Interlocked.Read(ref _lastContactTicks);
            if (options.MaxStalenessMs > 0 && sinceContact > options.MaxStalenessMs)
            {
                return $"{_backend.Description} has not answered for {sinceContact:0} ms (bound {options.MaxStalenessMs} ms)";
            }

            foreach (ModelHost host in _registry.Models)
            {
                if (options.MaxStalenessExamples > 0 && host.BehindExamples > options.MaxStalenessExamples)
                {
                    return $"the replica of '{host.Name}' is {host.BehindExamples} examples behind its stream (bound {options.MaxStalenessExamples})";
                }

                if (options.MaxStalenessMs > 0 && host.BehindMs > options.MaxStalenessMs)
                {
                    return $"the replica of '{host.Name}' is {host.BehindMs:0} ms behind its stream (bound {options.MaxStalenessMs} ms)";
                }
            }

            return null;
        }
    }

    public async Task<ModelHost?> CreateModelAsync(ModelDefinition definition, CancellationToken cancellation)
    {
        long generation = NewGeneration();
        IDatabase db = _backend.Database;
        bool created = (long)await db.ScriptEvaluateAsync(RedisScripts.Create, [_backend.Keys.Model(definition.Name)], [generation, LogRecords.ModelCreated(definition)]).ConfigureAwait(false) == 1;
        if (!created)
        {
            return null;
        }

        await db.SetAddAsync(_backend.Keys.Models, definition.Name).ConfigureAwait(false);
        await db.PublishAsync(_backend.Keys.Lifecycle, "created " + definition.Name).ConfigureAwait(false);
        return await AttachAsync(definition, generation).ConfigureAwait(false);
    }

    public async Task<bool> DeleteModelAsync(string name, CancellationToken cancellation)
    {
        IDatabase db = _backend.Database;
        string root = $"{_backend.Keys.Prefix}:{{{name}}}:";
        bool deleted = (long)await db.ScriptEvaluateAsync(RedisScripts.Delete, [_backend.Keys.Model(name)], [root, _backend.Options.KeepVersions]).ConfigureAwait(false) == 1;
        await db.SetRemoveAsync(_backend.Keys.Models, name).ConfigureAwait(false);
        await db.PublishAsync(_backend.Keys.Lifecycle, "deleted " + name).ConfigureAwait(false);
        await DetachAsync(name).ConfigureAwait(false);
        return deleted;
    }

    public async Task<byte[]?> LatestSnapshotAsync(string name, CancellationToken cancellation) =>
        _followers.TryGetValue(name, out Follower? follower)
            ? (await _backend.LatestAsync(follower.Keys).ConfigureAwait(false))?.Snapshot
            : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("Serving the models defined in {Backend}.", _backend.Description);
        try
        {
            await _backend.SubscribeAsync(_backend.Keys.Published, (_, message) => OnPublished(message), _logger, stoppingToken).ConfigureAwait(false);
            await _backend.SubscribeAsync(_backend.Keys.Events, (_, message) => OnEvent(message), _logger, stoppingToken).ConfigureAwait(false);
            await _backend.SubscribeAsync(_backend.Keys.Lifecycle, (_, _) => _ = SynchronizeSafelyAsync(stoppingToken), _logger, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _ = _backend.WarnIfNotDurableAsync(_logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            await SynchronizeSafelyAsync(stoppingToken).ConfigureAwait(false);
            foreach (Follower follower in _followers.Values)
            {
                follower.Refresh();
            }

            try
            {
                await Task.Delay(_backend.Options.PollMs, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private void OnPublished(RedisValue message)
    {
        // "name version": fetch it now rather than at the next poll.
        string text = message.ToString();
        int space = text.LastIndexOf(' ');
        if (space > 0 && _followers.TryGetValue(text[..space], out Follower? follower))
        {
            follower.Refresh();
        }
    }

    private void OnEvent(RedisValue message)
    {
        // "name|type|sequence|unix ms|" then the event's JSON, as the trainer recorded it.
        byte[] bytes = (byte[])message!;
        Span<int> bars = stackalloc int[4];
        int found = 0;
        for (int i = 0; i < bytes.Length && found < 4; i++)
        {
            if (bytes[i] == (byte)'|')
            {
                bars[found++] = i;
            }
        }

        if (found < 4)
        {
            return;
        }

        string name = System.Text.Encoding.UTF8.GetString(bytes, 0, bars[0]);
        string type = System.Text.Encoding.UTF8.GetString(bytes, bars[0] + 1, bars[1] - bars[0] - 1);
        if (_registry.TryGet(name, out ModelHost? host)
            && long.TryParse(bytes.AsSpan(bars[1] + 1, bars[2] - bars[1] - 1), System.Globalization.CultureInfo.InvariantCulture, out long sequence)
            && long.TryParse(bytes.AsSpan(bars[2] + 1, bars[3] - bars[2] - 1), System.Globalization.CultureInfo.InvariantCulture, out long milliseconds))
        {
            host.Monitor.Relay(new Eddy.Server.Monitoring.ModelEvent(type, sequence, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), bytes[(bars[3] + 1)..]));
        }
    }

    private async Task SynchronizeSafelyAsync(CancellationToken cancellation)
    {
        try
        {
            await SynchronizeAsync().ConfigureAwait(false);
            Interlocked.Exchange(ref _lastContactTicks, Environment.TickCount64);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            if (!cancellation.IsCancellationRequested)
            {
                _logger.LogWarning("Cannot read the models from {Backend}: {Error}. Serving the replicas held.", _backend.Description, e.Message);
            }
        }
    }

    /// <summary>Attaches models defined in Redis, detaches deleted ones (or ones recreated under a new generation).</summary>
    private async Task SynchronizeAsync()
    {
        List<RedisBackend.ModelRecord> models = await _backend.ListModelsAsync().ConfigureAwait(false);
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (RedisBackend.ModelRecord model in models)
        {
            defined.Add(model.Name);
            if (_followers.TryGetValue(model.Name, out Follower? follower) && follower.Generation == model.Generation)
            {
                continue;
            }

            ModelDefinition definition = _factory.FromLog(LogRecords.ReadModelCreated(model.Definition));
            await DetachAsync(model.Name).ConfigureAwait(false);
            await AttachAsync(definition, model.Generation).ConfigureAwait(false);
        }

        foreach (string name in _followers.Keys)
        {
            if (!defined.Contains(name))
            {
                await DetachAsync(name).ConfigureAwait(false);
            }
        }

        if (!_synchronized && !string.IsNullOrEmpty(_server.DefaultModel) && !defined.Contains(_server.DefaultModel))
        {
            // A fresh deployment: the first process to get here defines the default model; the others find it taken.
            ModelDefinition definition = _factory.FromExpression(_server.DefaultModel, _server.DefaultSpec, _server.DefaultMetrics ?? ["ROCAUC", "Accuracy", "LogLoss"]);
            if (await CreateModelAsync(definition, CancellationToken.None).ConfigureAwait(false) is null)
            {
                await SynchronizeAsync().ConfigureAwait(false);
            }
        }

        _synchronized = true;
    }

    private async Task<ModelHost> AttachAsync(ModelDefinition definition, long generation)
    {
        await _sync.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_registry.TryGet(definition.Name, out ModelHost? existing) && _followers.TryGetValue(definition.Name, out Follower? current) && current.Generation == generation)
            {
                return existing;
            }

            ModelHost host = _registry.AttachRemote(definition, new RedisModelLog(_backend, definition.Name, generation, _server.PendingTtl));
            var follower = new Follower(this, host, definition, generation);
            if (_backend.Options.CatchUpAfterMs > 0)
            {
                host.CatchUpAfter = TimeSpan.FromMilliseconds(_backend.Options.CatchUpAfterMs);
                host.CatchUp = follower.CatchUpAsync;
            }

            _followers[definition.Name] = follower;
            follower.Refresh();
            return host;
        }
        finally
        {
            _sync.Release();
        }
    }

    private async Task DetachAsync(string name)
    {
        await _sync.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_followers.TryRemove(name, out _))
            {
                await _registry.DetachRemoteAsync(name).ConfigureAwait(false);
            }
        }
        finally
        {
            _sync.Release();
        }
    }

    private static long NewGeneration() => BitConverter.ToInt64(Guid.NewGuid().ToByteArray()) & long.MaxValue;

    /// <summary>One served model: fetches newer versions and measures staleness; one refresh at a time, the latest request wins.</summary>
    private sealed class Follower(RedisScaleOut owner, ModelHost host, ModelDefinition definition, long generation)
    {
        private readonly SemaphoreSlim _adopting = new(1, 1);
        private int _running;
        private int _again;
        private long _seenVersion;

        // The newest version adopted: the base of a catch-up (no bytes: the fresh model at position 0).
        private volatile HeldVersion _held = new(0, 0, null);

        public long Generation { get; } = generation;

        public ModelKeys Keys { get; } = owner._backend.Keys.Of(definition.Name, generation);

        public void Refresh()
        {
            Volatile.Write(ref _again, 1);
            if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
            {
                _ = Task.Run(RunAsync);
            }
        }

        private async Task RunAsync()
        {
            while (true)
            {
                while (Interlocked.Exchange(ref _again, 0) == 1)
                {
                    await RefreshOnceAsync().ConfigureAwait(false);
                }

                Volatile.Write(ref _running, 0);
                if (Volatile.Read(ref _again) == 0 || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
                {
                    return;
                }
            }
        }

        private async Task RefreshOnceAsync()
        {
            try
            {
                IDatabase db = owner._backend.Database;
                RedisValue version = await db.HashGetAsync(Keys.Head, "version").ConfigureAwait(false);
                if (!version.IsNull && (long)version != Interlocked.Read(ref _seenVersion))
                {
                    await AdoptAsync((long)version).ConfigureAwait(false);
                }

                var staleness = (RedisResult[])(await db.ScriptEvaluateAsync(RedisScripts.Staleness, [Keys.Offset, Keys.Stream], [ModelKeys.EntryId(host.Replica.Offset + 1)]).ConfigureAwait(false))!;
                long head = (long)staleness[0];
                long oldest = (long)staleness[1];
                long now = (long)staleness[2];
                host.ReportStreamHead(head, oldest < 0 || head <= host.Replica.Offset ? 0 : Math.Max(0, now - oldest));
                Interlocked.Exchange(ref owner._lastContactTicks, Environment.TickCount64);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                owner._logger.LogDebug("Model {Model}: cannot refresh from {Backend}: {Error}", host.Name, owner._backend.Description, e.Message);
            }
        }

        private async Task AdoptAsync(long version)
        {
            byte[]? bytes = await owner._backend.Database.StringGetAsync(Keys.Snapshot(version)).ConfigureAwait(false);
            if (bytes is null)
            {
                return;
            }

            await _adopting.WaitAsync().ConfigureAwait(false);
            try
            {
                Learner learner = RedisBackend.LoadVersion(definition, bytes, out ModelSnapshot snapshot);
                _held = new HeldVersion(version, snapshot.CoveredLsn, bytes);
                Interlocked.Exchange(ref _seenVersion, version);

                // A replica caught up from the stream may already be past this version: keep the fresher one.
                if (snapshot.CoveredLsn >= host.Replica.Offset)
                {
                    host.Adopt(learner.ToReplica(version, snapshot.CoveredLsn, DateTimeOffset.UtcNow));
                }
            }
            catch (Eddy.Serialization.SnapshotFormatException e)
            {
                owner._logger.LogError("Model {Model}: published version {Version} cannot be read ({Error}); keeping version {Current}.", host.Name, version, e.Message, host.Replica.Version);
            }
            finally
            {
                _adopting.Release();
            }
        }

        /// <summary>
        /// Read-your-writes past the newest version: the newest version this server holds plus the stream after it, up
        /// to <paramref name="position"/>, applied here as the trainer applies them (same bits at the same position).
        /// </summary>
        public async Task CatchUpAsync(long position)
        {
            await _adopting.WaitAsync().ConfigureAwait(false);
            try
            {
                if (host.Replica.Offset >= position)
                {
                    return;
                }

                (long version, long offset, byte[]? bytes) = _held;
                StreamEntry[] entries = await owner._backend.Database.StreamRangeAsync(Keys.Stream, ModelKeys.EntryId(offset + 1), ModelKeys.EntryId(position)).ConfigureAwait(false);
                if (entries.Length == 0 || ModelKeys.PositionOf(entries[0].Id) != offset + 1)
                {
                    // Trimmed past this server's version: only a newer publication can cover it.
                    return;
                }

                var applier = new StreamApplier(definition, owner._logger);
                applier.Reset(bytes is null ? new Learner(definition) : RedisBackend.LoadVersion(definition, bytes, out _), bytes, offset);
                foreach (StreamEntry entry in entries)
                {
                    applier.Apply(entry);
                }

                if (applier.Position > host.Replica.Offset)
                {
                    host.Adopt(applier.Learner.ToReplica(version, applier.Position, DateTimeOffset.UtcNow));
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException or Eddy.Serialization.SnapshotFormatException)
            {
                owner._logger.LogWarning("Model {Model}: cannot catch up from the stream ({Error}); waiting for a publication.", host.Name, e.Message);
            }
            finally
            {
                _adopting.Release();
            }
        }
    }

    private sealed record HeldVersion(long Version, long Offset, byte[]? Bytes);
}
