using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Server.Json;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Eddy.Redis;

/// <summary>
/// Applies a model's stream entries in order, exactly as the single-process writer would: the trainer runs one to
/// learn, a server runs one to catch its replica up past the newest published version (read-your-writes). Learning is
/// deterministic, so both reach the same bits at the same position.
/// </summary>
/// <remarks>
/// A refused entry leaves no trace: after an update that would overflow (a later pipeline step may refuse after an
/// earlier one updated) or a failure inside an estimator, the state is rebuilt from the restore point plus the learns
/// applied since, then the entry is skipped — the same way on every process and every rebuild.
/// </remarks>
internal sealed class StreamApplier(ModelDefinition definition, ILogger logger, Eddy.Server.Monitoring.ModelMonitor? monitor = null)
{
    private readonly List<LearnWork> _sinceBasis = [];
    private byte[]? _basis;
    private long _position;

    public Learner Learner { get; private set; } = new(definition, monitor);

    /// <summary>A learner of this model, recording its monitors' events where this applier's do.</summary>
    public Learner Fresh() => new(definition, monitor);

    /// <summary>A learner holding a published version or snapshot file, recording events where this applier's do.</summary>
    public Learner Load(byte[] bytes, out ModelSnapshot snapshot) => RedisBackend.LoadVersion(definition, bytes, out snapshot, monitor);

    /// <summary>The last position applied.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Learns applied since the restore point.</summary>
    public int SinceBasis => _sinceBasis.Count;

    /// <summary>Starts from <paramref name="learner"/> at <paramref name="position"/>; <paramref name="basis"/> (its snapshot file, or null for fresh) is the restore point.</summary>
    public void Reset(Learner learner, byte[]? basis, long position)
    {
        ReturnWorks();
        Learner = learner;
        _basis = basis;
        Interlocked.Exchange(ref _position, position);
    }

    /// <summary>The state now is saved (published) as <paramref name="basis"/>: it becomes the restore point.</summary>
    public void Saved(byte[] basis)
    {
        _basis = basis;
        ReturnWorks();
    }

    /// <summary>Applies one entry; true when a version should be published right after it (a load, or one asked for).</summary>
    public bool Apply(StreamEntry entry)
    {
        long position = ModelKeys.PositionOf(entry.Id);
        RedisValue example = entry[StreamFields.Example];
        bool publish = example.IsNull ? ApplyControl(entry, position) : ApplyLearn((byte[])example!, position);
        Interlocked.Exchange(ref _position, position);
        return publish;
    }

    private bool ApplyLearn(byte[] entry, long position)
    {
        RawExample features = RawExamplePool.Rent();
        LearnWork work;
        try
        {
            var reader = new StateReader(entry);
            LogRecords.ReadVersion(reader);
            work = LogRecords.ReadExample(reader, features);
        }
        catch (SnapshotFormatException e)
        {
            RawExamplePool.Return(features);
            logger.LogError("Model {Model}: the stream entry at {Position} cannot be read ({Error}); skipped.", definition.Name, position, e.Message);
            return false;
        }

        LearnOutcome outcome;
        try
        {
            outcome = Learner.Learn(work, pending: null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Model {Model}: the model failed on the stream entry at {Position}; it is skipped.", definition.Name, position);
            outcome = LearnOutcome.Refused(ProblemKind.ModelFailure, e.Message);
        }

        if (outcome.Succeeded)
        {
            _sinceBasis.Add(work);
            return false;
        }

        RawExamplePool.Return(features);
        if (outcome.Problem == ProblemKind.RejectedUpdate || outcome.Problem == ProblemKind.ModelFailure)
        {
            Restore();
        }

        return false;
    }

    /// <summary>A load makes the model the given snapshot (its sequence and metrics too); a publish marker only asks for a version.</summary>
    private bool ApplyControl(StreamEntry entry, long position)
    {
        RedisValue load = entry[StreamFields.Load];
        if (load.IsNull)
        {
            return !entry[StreamFields.Publish].IsNull;
        }

        byte[] bytes = (byte[])load!;
        try
        {
            // The loaded state is the new restore point: what was learned before it no longer counts.
            Reset(Load(bytes, out _), bytes, position);
            logger.LogInformation("Model {Model}: loaded a snapshot at stream position {Position} (sequence {Sequence}).", definition.Name, position, Learner.SequenceField);
        }
        catch (SnapshotFormatException e)
        {
            // Servers check a snapshot before appending it; one that still cannot be read changes nothing, everywhere.
            logger.LogError("Model {Model}: the snapshot at stream position {Position} cannot be loaded ({Error}); skipped.", definition.Name, position, e.Message);
        }

        return true;
    }

    private void Restore()
    {
        Learner learner = _basis is null ? Fresh() : Load(_basis, out _);
        foreach (LearnWork work in _sinceBasis)
        {
            learner.Learn(work, pending: null);
        }

        Learner = learner;
    }

    private void ReturnWorks()
    {
        foreach (LearnWork work in _sinceBasis)
        {
            if (work.Features is { } features)
            {
                RawExamplePool.Return(features);
            }
            else if (work.Pending?.Features is { } served)
            {
                RawExamplePool.Return(served);
            }
        }

        _sinceBasis.Clear();
    }
}
