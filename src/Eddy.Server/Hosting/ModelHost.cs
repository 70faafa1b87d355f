using System.Diagnostics;
using System.Threading.Channels;
using Eddy.Base;
using Eddy.Server.Json;
using Eddy.Server.Problems;

namespace Eddy.Server.Hosting;

/// <summary>
/// One named model, run like a database: a single writer applies learns one at a time in arrival order, numbering
/// them (the sequence); predictions read an immutable published <see cref="Replica"/> through one volatile
/// reference, so reads never wait on learning and learning never waits on reads.
/// </summary>
/// <remarks>
/// The writer owns the writable model, its schema and its progressive metrics; nothing else touches them. It drains
/// what is queued as a batch, applies each learn (predict → learn → score, as progressive validation does), publishes
/// a new replica when the policy says so, and only then completes the requests: with the default policy a learn that
/// has returned is visible to every prediction that starts after it.
/// </remarks>
internal sealed class ModelHost : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<LearnWork> _queue = Channel.CreateUnbounded<LearnWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<LearnWork> _batch = new(MaxBatch);
    private readonly List<LearnWork> _unpublished = [];
    private readonly ClassProbabilities _probabilities = new();
    private readonly IdempotencyCache _idempotency;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _writer;
    private readonly Learner _learner;
    private FeatureSchema _publishedSchema;
    private long _lastPublishTicks;
    private volatile Replica _replica;

    public ModelHost(ModelDefinition definition, ModelHostOptions options, TimeProvider time, ILogger logger)
    {
        Definition = definition;
        _time = time;
        _logger = logger;
        _idempotency = new IdempotencyCache(options.IdempotencyCapacity);
        Pending = new PendingPredictions(options.PendingCapacity, options.PendingTtl, time);
        _learner = new Learner(definition);
        _publishedSchema = _learner.Schema.Clone();
        _replica = _learner.Snapshot(_publishedSchema, time.GetUtcNow());
        _lastPublishTicks = time.GetTimestamp();
        _writer = Task.Run(WriteLoopAsync);
    }

    public ModelDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <summary>The published replica; read it once per request and use that object throughout.</summary>
    public Replica Replica => _replica;

    public PendingPredictions Pending { get; }

    /// <summary>Learns applied so far (the writer's sequence, ahead of the replica's under lazy publication).</summary>
    public long Sequence => Interlocked.Read(ref _learner.SequenceField);

    /// <summary>Queues a learn and completes when it is applied (and, by default, published).</summary>
    public Task<LearnOutcome> LearnAsync(LearnWork work)
    {
        if (!_queue.Writer.TryWrite(work))
        {
            return Task.FromResult(LearnOutcome.Refused(ProblemKind.ShuttingDown, $"The model '{Name}' is being deleted or the server is stopping."));
        }

        return work.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        ChannelReader<LearnWork> reader = _queue.Reader;
        while (true)
        {
            bool more = await WaitForWorkAsync(reader).ConfigureAwait(false);
            if (!more)
            {
                break;
            }

            while (_batch.Count < MaxBatch && reader.TryRead(out LearnWork? work))
            {
                Apply(work);
                _batch.Add(work);
            }

            PublishIfDue();
            foreach (LearnWork work in _batch)
            {
                work.Complete();
            }

            _batch.Clear();
        }

        // Stopping: whatever was learned becomes visible.
        Publish();
    }

    private async ValueTask<bool> WaitForWorkAsync(ChannelReader<LearnWork> reader)
    {
        PublicationPolicy policy = Definition.Publication;
        if (_unpublished.Count == 0 || policy.EveryMilliseconds == 0)
        {
            return await reader.WaitToReadAsync().ConfigureAwait(false);
        }

        // Time-based publication must also happen when no further learn arrives.
        TimeSpan remaining = TimeSpan.FromMilliseconds(policy.EveryMilliseconds) - _time.GetElapsedTime(_lastPublishTicks);
        if (remaining > TimeSpan.Zero)
        {
            using var timeout = new CancellationTokenSource(remaining, _time);
            try
            {
                return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Publish();
        return await reader.WaitToReadAsync().ConfigureAwait(false);
    }

    private void Apply(LearnWork work)
    {
        string? key = work.IdempotencyKey;
        if (key is not null && _idempotency.TryGet(key, out LearnOutcome first))
        {
            work.Outcome = first with { Status = LearnStatus.Replayed };
            return;
        }

        try
        {
            work.Outcome = _learner.Learn(work, Pending);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug inside an estimator: put back the last published state and the learns applied since.
            _logger.LogError(e, "Model {Model} failed while learning; restoring its last published state.", Name);
            Restore();
            work.Outcome = LearnOutcome.Refused(ProblemKind.ModelFailure, $"The model failed: {e.GetType().Name}. Its state is as before the request.");
            return;
        }

        if (work.Outcome.Problem == ProblemKind.RejectedUpdate)
        {
            // An overflow refused by a later pipeline step may follow an earlier step's update: put the state back.
            Restore();
            return;
        }

        if (work.Outcome.Succeeded)
        {
            _unpublished.Add(work);
            if (key is not null)
            {
                _idempotency.Add(key, work.Outcome);
            }
        }
    }

    private void Restore()
    {
        _learner.RestoreFrom(_replica);
        foreach (LearnWork applied in _unpublished)
        {
            _learner.Replay(applied);
        }
    }

    private void PublishIfDue()
    {
        if (Definition.Publication.ShouldPublish(_unpublished.Count, _time.GetElapsedTime(_lastPublishTicks)))
        {
            Publish();
        }
    }

    private void Publish()
    {
        if (_unpublished.Count == 0)
        {
            return;
        }

        if (_publishedSchema.Count != _learner.Schema.Count || _publishedSchema.SymbolCount != _learner.Schema.SymbolCount)
        {
            // The schema is append-only, so it only needs copying when it grew.
            _publishedSchema = _learner.Schema.Clone();
        }

        Replica replica = _learner.Snapshot(_publishedSchema, _time.GetUtcNow());
        Debug.Assert(replica.Sequence >= _replica.Sequence, "Replicas move forward.");
        _replica = replica;
        _lastPublishTicks = _time.GetTimestamp();
        foreach (LearnWork work in _unpublished)
        {
            if (work.Features is { } features)
            {
                RawExamplePool.Return(features);
            }
        }

        _unpublished.Clear();
    }
}
