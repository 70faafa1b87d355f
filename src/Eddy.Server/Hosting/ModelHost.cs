using System.Threading.Channels;
using Eddy.Base;
using Eddy.Server.Json;
using Eddy.Server.Monitoring;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;
using Eddy.Server.ScaleOut;
using Eddy.Storage;

namespace Eddy.Server.Hosting;

/// <summary>
/// One named model, run like a database: a single writer applies learns one at a time in arrival order, numbering
/// them (the sequence); predictions read an immutable published <see cref="Replica"/> through one volatile
/// reference, so reads never wait on learning and learning never waits on reads.
/// </summary>
/// <remarks>
/// The writer owns the writable model, its schema and its progressive metrics; nothing else touches them. It drains
/// what is queued as a batch, applies each learn (predict → learn → score, as progressive validation does), appends
/// the learned examples to the log and waits until they are durable (one sync for the batch, shared with other
/// models' batches), publishes a new replica when the policy says so, and only then completes the requests. So an
/// acknowledged learn is durable, and with the default policy visible to every prediction that starts after it.
/// Replicas only ever hold durable state.
/// </remarks>
internal sealed partial class ModelHost : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<LearnWork> _queue = Channel.CreateUnbounded<LearnWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Stack<List<LearnWork>> _spareBatches = new();
    private readonly Queue<InFlightBatch> _inFlight = new();
    private readonly IdempotencyCache _idempotency;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Learner _learner;
    private readonly ModelStore? _store;
    private readonly Snapshotter? _snapshotter;
    private Task _writer = Task.CompletedTask;
    private long _lastLsn;
    private long _predictions;
    private string? _storageFailure;
    private readonly ReplicaPublisher _publisher;
    private readonly IRemoteModelLog? _remote;
    private volatile ModelDefinition _definition;
    // Created only while a read-your-writes request waits: publication itself then costs one null check.
    private TaskCompletionSource? _nextPublication;
    private long _streamHead;
    private double _behindMs;

    /// <summary>
    /// A model served here. With a <paramref name="store"/> it learns locally (its own writer and log); with a
    /// <paramref name="remote"/> log (scale-out) it has no writer: learns are validated against the replica and appended
    /// to the shared stream, and replicas arrive from the trainer through <see cref="Adopt"/>.
    /// </summary>
    public ModelHost(ModelDefinition definition, ModelHostOptions options, TimeProvider time, ILogger logger, ModelStore? store, long creationLsn, IRemoteModelLog? remote = null)
    {
        _remote = remote;
        _definition = definition;
        _time = time;
        _logger = logger;
        _store = store;
        _idempotency = new IdempotencyCache(options.IdempotencyCapacity);
        Pending = new PendingPredictions(options.PendingCapacity, options.PendingTtl, time);
        _snapshotter = store is null ? null : new Snapshotter(store, options.SnapshotEvery, options.SnapshotInterval, time);
        CreationLsn = creationLsn;
        _lastLsn = creationLsn;
        _backlogLimit = options.BacklogBytes;
        var metricNames = new string[definition.MetricPrototypes.Count];
        for (int i = 0; i < metricNames.Length; i++)
        {
            metricNames[i] = definition.MetricPrototypes[i].Name;
        }

        Monitor = new ModelMonitor(metricNames);
        _learner = new Learner(definition, Monitor, time);
        _publisher = new ReplicaPublisher(_learner, time, Monitor) { AfterPublish = PulsePublication };
    }

    /// <summary>What the model is; only its publication policy ever changes (on the writer, in stream order).</summary>
    public ModelDefinition Definition { get => _definition; private set => _definition = value; }

    public string Name => Definition.Name;

    /// <summary>The published replica; read it once per request and use that object throughout.</summary>
    public Replica Replica => _publisher.Current;

    public PendingPredictions Pending { get; }

    /// <summary>The model's learning curve and event stream.</summary>
    public ModelMonitor Monitor { get; }

    /// <summary>Predictions served from this model's replicas, for <c>/metrics</c>.</summary>
    public long Predictions => Interlocked.Read(ref _predictions);

    /// <summary>
    /// Learns applied so far: the writer's sequence, ahead of the replica's under lazy publication. After a storage
    /// failure the writer's state is abandoned, and this is the last durable (published) sequence.
    /// </summary>
    public long Sequence => _remote is null && Volatile.Read(ref _storageFailure) is null ? Interlocked.Read(ref _learner.SequenceField) : _publisher.Current.Sequence;

    /// <summary>Scale-out: learns go to a shared stream and replicas come from the trainer.</summary>
    public bool IsRemote => _remote is not null;

    /// <summary>
    /// Scale-out: brings the replica up to a stream position from the stream itself, when a read-your-writes request
    /// waited <see cref="CatchUpAfter"/> without a publication covering it.
    /// </summary>
    public Func<long, Task>? CatchUp { get; set; }

    public TimeSpan CatchUpAfter { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Scale-out: the model's shared stream (null for a local model).</summary>
    public IRemoteModelLog? RemoteLog => _remote;

    /// <summary>
    /// The position a read-your-writes request compares with a learn's answered sequence: the learns applied (local), or
    /// the stream entries the replica covers (scale-out, where a learn's sequence is its stream position).
    /// </summary>
    public long ReplicaPosition => _remote is null ? Replica.Sequence : Replica.Offset;

    /// <summary>Scale-out: stream entries appended but not in the replica (as of the last look at the stream head).</summary>
    public long BehindExamples => Math.Max(0, Interlocked.Read(ref _streamHead) - Replica.Offset);

    /// <summary>Scale-out: how long the oldest entry the replica does not cover has been waiting, in milliseconds.</summary>
    public double BehindMs => BehindExamples == 0 ? 0 : Volatile.Read(ref _behindMs);

    /// <summary>Log position of this model's creation record.</summary>
    public long CreationLsn { get; }

    /// <summary>Log position after which this model needs the log (0: from its creation record on).</summary>
    public long SnapshotLsn => _snapshotter?.RetainedLsn ?? 0;

    /// <summary>The sequence of the newest snapshot on disk (0 before the first, and without a data directory).</summary>
    public long SnapshotSequence => _snapshotter?.NewestSequence ?? 0;

    /// <summary>Snapshots written since the server started.</summary>
    public long SnapshotsWritten => _snapshotter?.Written ?? 0;

    /// <summary>Snapshots that failed since the server started (the log still has every record).</summary>
    public long SnapshotFailures => _snapshotter?.Failed ?? 0;

    public void CountPrediction() => Interlocked.Increment(ref _predictions);

    /// <summary>Keeps a prediction served with an id until its label arrives (here, or in the shared store when scaled out).</summary>
    public bool TryAddPending(PendingPrediction pending) => _remote?.TryAddPending(pending) ?? Pending.TryAdd(pending);

    /// <summary>Scale-out: a newer replica published by the trainer (atomic for readers; may also go back, after an upload).</summary>
    public void Adopt(Replica replica) => _publisher.Adopt(replica);

    /// <summary>Scale-out: what the server last saw of the stream: its head position and how old its oldest uncovered entry is.</summary>
    public void ReportStreamHead(long head, double behindMs)
    {
        Interlocked.Exchange(ref _streamHead, head);
        Volatile.Write(ref _behindMs, behindMs);
    }

    /// <summary>Scale-out: this server appended at <paramref name="position"/>, so the head is at least there.</summary>
    public void NoteAppended(long position)
    {
        long head = Interlocked.Read(ref _streamHead);
        while (position > head)
        {
            long seen = Interlocked.CompareExchange(ref _streamHead, position, head);
            if (seen == head)
            {
                return;
            }

            head = seen;
        }
    }

    /// <summary>
    /// Read-your-writes: completes true once the replica covers <paramref name="position"/>, false after
    /// <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitForPositionAsync(long position, TimeSpan timeout, CancellationToken cancellation)
    {
        long start = _time.GetTimestamp();
        long deadline = start + (long)(timeout.TotalSeconds * _time.TimestampFrequency);
        bool caughtUp = false;
        while (ReplicaPosition < position)
        {
            if (!caughtUp && CatchUp is { } catchUp && _time.GetElapsedTime(start) >= CatchUpAfter)
            {
                // Scale-out: no publication covered it in time; rebuild the replica here from the stream.
                caughtUp = true;
                await catchUp(position).ConfigureAwait(false);
                continue;
            }

            Task next = NextPublication();
            if (ReplicaPosition >= position)
            {
                break;
            }

            TimeSpan remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            if (!caughtUp && CatchUp is not null)
            {
                remaining = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Math.Min(remaining.Ticks, (CatchUpAfter - _time.GetElapsedTime(start)).Ticks)));
            }

            try
            {
                await next.WaitAsync(remaining, _time, cancellation).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Loop: the deadline, or the catch-up, is due.
            }
        }

        return true;
    }

    private Task NextPublication()
    {
        TaskCompletionSource? pulse = Volatile.Read(ref _nextPublication);
        if (pulse is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pulse = Interlocked.CompareExchange(ref _nextPublication, created, null) ?? created;
        }

        return pulse.Task;
    }

    private void PulsePublication() => Interlocked.Exchange(ref _nextPublication, null)?.TrySetResult();

    /// <summary>Starts the writer, after recovery has loaded and replayed this model's durable state.</summary>
    public void Start()
    {
        _publisher.PublishNow(force: true);
        if (_remote is null)
        {
            _writer = Task.Run(WriteLoopAsync);
        }
    }

    /// <summary>
    /// Queues a learn and completes when it is applied, durable and (by default) published. Scaled out: validated against
    /// the replica, then appended to the shared stream, and complete once the stream has it durably.
    /// </summary>
    public Task<LearnOutcome> LearnAsync(LearnWork work)
    {
        if (_remote is not null)
        {
            return AppendRemoteAsync(work);
        }

        if (!_queue.Writer.TryWrite(work))
        {
            return Task.FromResult(LearnOutcome.Refused(ProblemKind.ShuttingDown, $"The model '{Name}' is being deleted or the server is stopping."));
        }

        return work.Completion;
    }

    private async Task<LearnOutcome> AppendRemoteAsync(LearnWork work)
    {
        LearnOutcome outcome = Learner.Check(Replica, work) ?? await _remote!.AppendAsync(work).ConfigureAwait(false);

        // Callers that queue works (the NDJSON stream) await the work itself, as with the local writer.
        work.Outcome = outcome;
        work.Complete();
        if (outcome.Succeeded)
        {
            NoteAppended(outcome.Sequence);
            if (work.Features is { } features)
            {
                // The stream has its own copy now; a refused work's features are the caller's to return.
                RawExamplePool.Return(features);
            }
        }

        return outcome;
    }

    /// <summary>The version history a model uploaded in place of this one continues; only after this host was disposed.</summary>
    public byte[] HistoryContinuedBy(ModelDefinition loaded, long loadedSequence, long atMs) => _learner.HistoryContinuedBy(loaded, loadedSequence, atMs);

    /// <summary>Recovery: loads a snapshot's state (before <see cref="Start"/>).</summary>
    public void Load(ModelSnapshot snapshot)
    {
        _learner.Load(snapshot);
        _lastLsn = snapshot.CoveredLsn;
        _snapshotter?.Loaded(snapshot);
    }

    /// <summary>Recovery: re-applies a logged learn (before <see cref="Start"/>). Deterministic: same sequence, same bits.</summary>
    public void Replay(LearnWork work, long sequence, long lsn)
    {
        LearnOutcome outcome = _learner.Learn(work, pending: null);
        if (!outcome.Succeeded || outcome.Sequence != sequence)
        {
            throw new WalCorruptException($"Replaying the log of model '{Name}': the record at LSN {lsn} (sequence {sequence}) gave {outcome.Status} at sequence {outcome.Sequence}.");
        }

        if (work.IdempotencyKey is { } key)
        {
            _idempotency.Add(key, outcome);
        }

        _lastLsn = lsn;
    }

    /// <summary>Takes a snapshot now (admin request); completes when it is written and verified.</summary>
    public Task<long> SnapshotNowAsync()
    {
        var request = new LearnWork(null, Label.None, null, null) { SnapshotRequest = true };
        return LearnAsync(request).ContinueWith(t => t.Result.Sequence, TaskScheduler.Default);
    }

    /// <summary>Switches the publication policy (already logged by the caller), in order with the queued learns.</summary>
    public Task ReconfigureAsync(PublicationPolicy publication) =>
        LearnAsync(new LearnWork(null, Label.None, null, null) { NewPublication = publication });

    /// <summary>Recovery: applies a logged policy change (before <see cref="Start"/>).</summary>
    public void Reconfigure(PublicationPolicy publication) => Definition = Definition with { Publication = publication };

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_snapshotter is not null)
        {
            await _snapshotter.Writing.ConfigureAwait(false);
        }

        Monitor.Events.Complete();
    }
}
