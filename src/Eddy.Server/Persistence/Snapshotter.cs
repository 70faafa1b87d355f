using Eddy.Server.Hosting;

namespace Eddy.Server.Persistence;

/// <summary>
/// Takes a model's snapshots on its writer, every N learns or T of time (and on demand): captures the state, verifies
/// that the bytes reload into a model bit-identical to the live one, then writes the file atomically. Only a verified
/// snapshot is ever written, so recovery never starts from one that would not reproduce the model.
/// </summary>
internal sealed class Snapshotter
{
    private readonly ModelStore _store;
    private readonly long _every;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private long _lastSequence;
    private long _lastTicks;
    private long _coveredLsn;
    private long _retainedLsn;

    public Snapshotter(ModelStore store, long every, TimeSpan interval, TimeProvider time)
    {
        _store = store;
        _every = every;
        _interval = interval;
        _time = time;
        _lastTicks = time.GetTimestamp();
    }

    /// <summary>Log position the newest snapshot covers: every record of this model up to it is in the snapshot.</summary>
    public long CoveredLsn => Interlocked.Read(ref _coveredLsn);

    /// <summary>
    /// Log position the log must be kept after: the snapshot before the newest, so that if the newest one turns out
    /// unreadable at the next start, the previous one plus the log still rebuild the model (0: keep from creation).
    /// </summary>
    public long RetainedLsn => Interlocked.Read(ref _retainedLsn);

    public bool IsDue(long sequence) =>
        sequence > _lastSequence && (sequence - _lastSequence >= _every || _time.GetElapsedTime(_lastTicks) >= _interval);

    public void Loaded(ModelSnapshot snapshot)
    {
        _lastSequence = snapshot.Sequence;
        Interlocked.Exchange(ref _coveredLsn, snapshot.CoveredLsn);
        Interlocked.Exchange(ref _retainedLsn, snapshot.CoveredLsn);
    }

    public void Take(ModelDefinition definition, Learner learner, long sequence, long coveredLsn)
    {
        byte[] file = learner.Capture(definition, coveredLsn).Serialize();

        // The seed's "checkpoints and tests after updates": reload what would be written and compare with the live model.
        var check = new Learner(definition);
        check.Load(ModelSnapshot.Deserialize(file));
        if (!check.Model.SerializeState().AsSpan().SequenceEqual(learner.Model.SerializeState())
            || !check.MetricState().AsSpan().SequenceEqual(learner.MetricState()))
        {
            throw new InvalidOperationException($"The snapshot of '{definition.Name}' at sequence {sequence} does not reload to the live model; it was not written.");
        }

        _store.Snapshots.Write(definition.Name, sequence, file);
        _lastSequence = sequence;
        _lastTicks = _time.GetTimestamp();
        Interlocked.Exchange(ref _retainedLsn, Interlocked.Exchange(ref _coveredLsn, coveredLsn));
        _store.SnapshotWritten?.Invoke();
    }
}
