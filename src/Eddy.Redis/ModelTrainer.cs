using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Server.Monitoring;
using Eddy.Server.Persistence;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Eddy.Redis;

/// <summary>
/// The single writer of one model across the deployment. It competes for the model's lease; the holder rebuilds the
/// model from the newest published version plus the stream after it (learning is deterministic, so the result is the
/// exact model any earlier holder had at that position), then applies the stream in order and publishes versions.
/// </summary>
/// <remarks>
/// Every publication is fenced: it succeeds only while this trainer's token is the newest, so a trainer that stalled past
/// its lease can never overwrite its successor's work. Nothing is lost or applied twice by a takeover: the stream is the
/// truth, versions are functions of it, and the successor starts from a published version.
/// </remarks>
internal sealed class ModelTrainer
{
    private const int ReadBatch = 1024;

    private readonly RedisBackend _backend;
    private readonly ModelDefinition _definition;
    private readonly ModelKeys _keys;
    private readonly RedisKey _model;
    private readonly string _trainerId;
    private readonly ILogger _logger;
    private readonly StreamApplier _applier;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _token;
    private long _version;
    private long _versionPosition;
    private long _lastPublishTicks;
    private long _lastRenewTicks;
    private volatile bool _isLeader;
    private readonly HashSet<string> _relayedTypes = new(StringComparer.Ordinal);
    private long _relayedSequence;

    public ModelTrainer(RedisBackend backend, ModelDefinition definition, long generation, string trainerId, ILogger logger)
    {
        _backend = backend;
        _definition = definition;
        Generation = generation;
        _keys = backend.Keys.Of(definition.Name, generation);
        _model = backend.Keys.Model(definition.Name);
        _trainerId = trainerId;
        _logger = logger;
        var metricNames = new string[definition.MetricPrototypes.Count];
        for (int i = 0; i < metricNames.Length; i++)
        {
            metricNames[i] = definition.MetricPrototypes[i].Name;
        }

        var monitor = new ModelMonitor(metricNames) { Recorded = Relay };
        _applier = new StreamApplier(definition, logger, monitor);
    }

    public long Generation { get; }

    public string Name => _definition.Name;

    /// <summary>Whether this process holds the model's lease now.</summary>
    public bool IsLeader { get => _isLeader; private set => _isLeader = value; }

    /// <summary>Stream position applied (as leader).</summary>
    public long Position => _applier.Position;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Entries appended while this trainer waited: look at the stream now.</summary>
    public void Wake() => _wake.TrySetResult();

    public async Task RunAsync(CancellationToken stopping)
    {
        RedisOptions options = _backend.Options;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await TryAcquireAsync().ConfigureAwait(false))
                {
                    await LeadAsync(stopping).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                _logger.LogWarning("Trainer of {Model}: {Backend} failed ({Error}); standing by.", Name, _backend.Description, e.Message);
            }
            catch (InvalidOperationException e)
            {
                // The model cannot be rebuilt (a gap in the stream): say so, release the lease, and try again later.
                _logger.LogError("Trainer of {Model}: {Error}", Name, e.Message);
                await ReleaseAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            finally
            {
                if (IsLeader)
                {
                    IsLeader = false;
                    _logger.LogInformation("Trainer of {Model}: no longer the writer (at position {Position}).", Name, Position);
                }
            }

            try
            {
                await Task.Delay(Math.Max(10, options.LeaseMs / 5), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await ReleaseAsync().ConfigureAwait(false);
    }

    private async Task<bool> TryAcquireAsync()
    {
        long token = (long)await _backend.Database.ScriptEvaluateAsync(RedisScripts.Acquire, [_keys.Lease, _keys.Fence], [_trainerId, _backend.Options.LeaseMs]).ConfigureAwait(false);
        if (token == 0)
        {
            return false;
        }

        _token = token;
        _lastRenewTicks = Environment.TickCount64;
        return true;
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await _backend.Database.ScriptEvaluateAsync(RedisScripts.Release, [_keys.Lease], [_trainerId]).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The lease lapses on its own.
        }
    }

    private async Task LeadAsync(CancellationToken stopping)
    {
        await RebuildAsync().ConfigureAwait(false);
        IsLeader = true;
        _logger.LogInformation("Trainer of {Model}: writer with fencing token {Token}, from version {Version} at position {Position}.", Name, _token, Version, Position);
        RedisOptions options = _backend.Options;
        IDatabase db = _backend.Database;
        while (!stopping.IsCancellationRequested)
        {
            if (Environment.TickCount64 - _lastRenewTicks >= options.LeaseMs / 3 && !await RenewAsync().ConfigureAwait(false))
            {
                return;
            }

            StreamEntry[] entries = await db.StreamRangeAsync(_keys.Stream, ModelKeys.EntryId(Position + 1), "+", ReadBatch).ConfigureAwait(false);
            if (entries.Length == 0)
            {
                if (!await PublishWhenDueAsync(caughtUp: true).ConfigureAwait(false))
                {
                    return;
                }

                // Ask for a wake-up, then look once more: an append between the read and the flag would not notify.
                Task woken = ResetWake();
                await db.StringSetAsync(_keys.Idle, 1, TimeSpan.FromMilliseconds(options.LeaseMs)).ConfigureAwait(false);
                if ((await db.StreamRangeAsync(_keys.Stream, ModelKeys.EntryId(Position + 1), "+", 1).ConfigureAwait(false)).Length == 0)
                {
                    int wait = Math.Min(options.PollMs, options.LeaseMs / 3);
                    if (Position > _versionPosition)
                    {
                        // Unpublished learns: come back when the publication interval is up.
                        wait = Math.Min(wait, PublishDelay());
                    }

                    await WaitAsync(woken, wait, stopping).ConfigureAwait(false);
                }

                continue;
            }

            foreach (StreamEntry entry in entries)
            {
                bool publishNow = _applier.Apply(entry);
                if ((publishNow || _applier.SinceBasis >= options.PublishEvery) && !await PublishAsync().ConfigureAwait(false))
                {
                    return;
                }
            }

            if (!await PublishWhenDueAsync(caughtUp: entries.Length < ReadBatch).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private Task ResetWake()
    {
        _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _wake.Task;
    }

    private static async Task WaitAsync(Task woken, int milliseconds, CancellationToken stopping)
    {
        try
        {
            await woken.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(1, milliseconds)), stopping).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    private int PublishDelay() => (int)Math.Max(1, _backend.Options.PublishIntervalMs - (Environment.TickCount64 - _lastPublishTicks));

    private async Task<bool> RenewAsync()
    {
        bool held = (long)await _backend.Database.ScriptEvaluateAsync(RedisScripts.Renew, [_keys.Lease], [_trainerId, _backend.Options.LeaseMs]).ConfigureAwait(false) == 1;
        if (held)
        {
            _lastRenewTicks = Environment.TickCount64;
        }
        else
        {
            _logger.LogWarning("Trainer of {Model}: the lease lapsed (another trainer may hold it); stepping down.", Name);
        }

        return held;
    }

    /// <summary>
    /// Starts from the newest readable published version (an older one if the newest is damaged: the stream is kept back
    /// to the previous version), or from a fresh model when nothing was published and the stream starts at 1.
    /// </summary>
    private async Task RebuildAsync()
    {
        IDatabase db = _backend.Database;
        RedisValue[] head = await db.HashGetAsync(_keys.Head, ["version"]).ConfigureAwait(false);
        long newest = head[0].IsNull ? 0 : (long)head[0];
        for (long version = newest; version > Math.Max(0, newest - _backend.Options.KeepVersions); version--)
        {
            byte[]? bytes = await db.StringGetAsync(_keys.Snapshot(version)).ConfigureAwait(false);
            if (bytes is null)
            {
                continue;
            }

            try
            {
                Learner learner = _applier.Load(bytes, out ModelSnapshot snapshot);
                await RequireStreamFromAsync(snapshot.CoveredLsn + 1).ConfigureAwait(false);
                Start(learner, bytes, version, snapshot.CoveredLsn);
                _version = newest;
                return;
            }
            catch (SnapshotFormatException e)
            {
                _logger.LogError("Trainer of {Model}: published version {Version} cannot be read ({Error}); trying the one before.", Name, version, e.Message);
            }
        }

        await RequireStreamFromAsync(1).ConfigureAwait(false);
        Start(_applier.Fresh(), null, newest, 0);
    }

    /// <summary>
    /// Passes the monitors' events (drift, policy) to every server. A rebuild re-applies learns whose events were
    /// already sent: only events past the newest sequence sent go out (after a takeover, the successor may repeat the
    /// events its predecessor sent past the last version: at least once).
    /// </summary>
    private void Relay(ModelEvent recorded)
    {
        if (!IsLeader || recorded.Sequence < _relayedSequence || (recorded.Sequence == _relayedSequence && _relayedTypes.Contains(recorded.Type)))
        {
            return;
        }

        if (recorded.Sequence > _relayedSequence)
        {
            _relayedSequence = recorded.Sequence;
            _relayedTypes.Clear();
        }

        _relayedTypes.Add(recorded.Type);
        string header = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name}|{recorded.Type}|{recorded.Sequence}|{recorded.Time.ToUnixTimeMilliseconds()}|");
        byte[] message = [.. System.Text.Encoding.UTF8.GetBytes(header), .. recorded.Data];
        _ = _backend.Connection.GetSubscriber().PublishAsync(_backend.Keys.Events, message, CommandFlags.FireAndForget);
    }

    private void Start(Learner learner, byte[]? published, long version, long position)
    {
        _relayedSequence = learner.SequenceField;
        _relayedTypes.Clear();
        _applier.Reset(learner, published, position);
        _version = version;
        _versionPosition = position;
        _lastPublishTicks = Environment.TickCount64;
    }

    /// <summary>Refuses to rebuild over a gap: the stream must still hold the entry right after the starting point.</summary>
    private async Task RequireStreamFromAsync(long position)
    {
        StreamEntry[] first = await _backend.Database.StreamRangeAsync(_keys.Stream, "-", "+", 1).ConfigureAwait(false);
        if (first.Length > 0 && ModelKeys.PositionOf(first[0].Id) > position)
        {
            throw new InvalidOperationException($"The stream of '{Name}' starts at {ModelKeys.PositionOf(first[0].Id)}, after {position}: the entries in between were trimmed and no readable version covers them.");
        }
    }

    private async Task<bool> PublishWhenDueAsync(bool caughtUp)
    {
        RedisOptions options = _backend.Options;
        bool due = caughtUp && Position > _versionPosition && Environment.TickCount64 - _lastPublishTicks >= options.PublishIntervalMs;
        return !due || await PublishAsync().ConfigureAwait(false);
    }

    /// <summary>Publishes the state at the current position as the next version; false when fenced out or the model is gone.</summary>
    private async Task<bool> PublishAsync()
    {
        RedisOptions options = _backend.Options;
        long version = Version + 1;
        long position = Position;
        Learner learner = _applier.Learner;
        byte[] bytes = learner.Capture(_definition, position).Serialize();
        // Kept: everything after the version before this one, so a damaged newest version still has a way back.
        long trimBelow = options.TrimStream ? _versionPosition + 1 : 0;
        long old = version - options.KeepVersions;
        RedisKey[] keys = [_model, _keys.Fence, _keys.Head, _keys.Snapshot(version), old > 0 ? _keys.Snapshot(old) : _keys.Head, _keys.Stream];
        RedisValue[] values =
        [
            Generation, _token, version, position, learner.SequenceField, bytes, trimBelow,
            _backend.Keys.Published.ToString(), $"{Name} {version}", old > 0 ? "1" : "0",
        ];
        long result = (long)await _backend.Database.ScriptEvaluateAsync(RedisScripts.Publish, keys, values).ConfigureAwait(false);
        if (result != 1)
        {
            _logger.LogWarning(
                "Trainer of {Model}: version {Version} not published: {Reason}.", Name, version, result == -2 ? "another trainer holds a newer fencing token" : "the model was deleted");
            return false;
        }

        Interlocked.Exchange(ref _version, version);
        _versionPosition = position;
        _lastPublishTicks = Environment.TickCount64;
        _applier.Saved(bytes);
        return true;
    }
}
