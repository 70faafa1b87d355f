using Eddy.Server.Hosting;

namespace Eddy.Server.Persistence;

/// <summary>
/// Takes a model's snapshots every N learns or T of time, and on demand. The writer captures the state (the bytes to
/// write, and the live model's own state to check them against); the bytes are then verified, by reloading them into
/// a model that must be bit-identical to the live one, and written atomically. Only a verified snapshot is ever
/// written, so recovery never starts from one that would not reproduce the model.
/// <para>
/// Cadence snapshots are verified and written in the background, once the records they cover are durable: the writer
/// only pays for the capture (writing and syncing the file took it 30–55 ms on a virtual disk, a stall every 100,000
/// learns). On-demand snapshots are written before the request is answered. One snapshot is written at a time.
/// </para>
/// </summary>
internal sealed class Snapshotter
{
    private readonly ModelStore _store;
    private readonly long _every;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;

    // Writer-owned.
    private long _lastSequence;
    private long _lastTicks;
    private Task _writing = Task.CompletedTask;

    private long _coveredLsn;
    private long _retainedLsn;
    private long _newestSequence;
    private long _written;
    private long _failed;

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

    /// <summary>The sequence of the newest snapshot on disk (0 before the first).</summary>
    public long NewestSequence => Interlocked.Read(ref _newestSequence);

    /// <summary>Snapshots written since the server started.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Snapshots that failed (verification or I/O) since the server started.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The background snapshot being written, if any: completes (never faults) once it is written or has failed.</summary>
    public Task Writing => _writing;

    /// <summary>Whether a cadence snapshot is due; never while the previous one is still being written.</summary>
    public bool IsDue(long sequence) =>
        _writing.IsCompleted && sequence > _lastSequence && (sequence - _lastSequence >= _every || _time.GetElapsedTime(_lastTicks) >= _interval);

    public void Loaded(ModelSnapshot snapshot)
    {
        _lastSequence = snapshot.Sequence;
        Interlocked.Exchange(ref _newestSequence, snapshot.Sequence);
        Interlocked.Exchange(ref _coveredLsn, snapshot.CoveredLsn);
        Interlocked.Exchange(ref _retainedLsn, snapshot.CoveredLsn);
    }

    /// <summary>
    /// On demand: captures, verifies and writes now (the caller first waits for <see cref="Writing"/>);
    /// <paramref name="finished"/> is told as for <see cref="Begin"/>.
    /// </summary>
    public void Take(ModelDefinition definition, Learner learner, long sequence, long coveredLsn, Action<long, long, Exception?> finished)
    {
        WriteAndReport(Capture(definition, learner, sequence, coveredLsn), finished);
        Counted(sequence);
    }

    /// <summary>
    /// Cadence: captures the state now, on the writer, and verifies and writes it in the background once
    /// <paramref name="durable"/> (the commit of the records up to <paramref name="coveredLsn"/>) completes; not at
    /// all if that commit fails, since the state is then ahead of the disk. The next cadence counts from here even if
    /// this one fails: a failing disk is not retried after every batch. <paramref name="finished"/> is told the
    /// snapshot's sequence and covered position, and the error if it failed.
    /// </summary>
    public void Begin(ModelDefinition definition, Learner learner, long sequence, long coveredLsn, Task durable, Action<long, long, Exception?> finished)
    {
        CapturedSnapshot captured = Capture(definition, learner, sequence, coveredLsn);
        Counted(sequence);
        _writing = Task.Run(async () =>
        {
            await durable.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (durable.IsCompletedSuccessfully)
            {
                WriteAndReport(captured, finished);
            }
        });
    }

    /// <summary>Writes a captured snapshot; a failure is counted and reported, never thrown (the log still has every record).</summary>
    private void WriteAndReport(CapturedSnapshot captured, Action<long, long, Exception?> finished)
    {
        try
        {
            Write(captured);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Interlocked.Increment(ref _failed);
            finished(captured.Sequence, captured.CoveredLsn, e);
            return;
        }

        finished(captured.Sequence, captured.CoveredLsn, null);
    }

    private void Counted(long sequence)
    {
        _lastSequence = sequence;
        _lastTicks = _time.GetTimestamp();
    }

    private static CapturedSnapshot Capture(ModelDefinition definition, Learner learner, long sequence, long coveredLsn) => new(
        definition, sequence, coveredLsn, learner.Capture(definition, coveredLsn).Serialize(), learner.Model.SerializeState(), learner.MetricState());

    private void Write(CapturedSnapshot captured)
    {
        // The seed's "checkpoints and tests after updates": reload what would be written and compare with the live model.
        var check = new Learner(captured.Definition);
        check.Load(ModelSnapshot.Deserialize(captured.File));
        if (!check.Model.SerializeState().AsSpan().SequenceEqual(captured.ModelState) || !check.MetricState().AsSpan().SequenceEqual(captured.MetricState))
        {
            throw new InvalidOperationException(
                $"The snapshot of '{captured.Definition.Name}' at sequence {captured.Sequence} does not reload to the live model; it was not written.");
        }

        _store.Snapshots.Write(captured.Definition.Name, captured.Sequence, captured.File);
        Interlocked.Exchange(ref _retainedLsn, Interlocked.Exchange(ref _coveredLsn, captured.CoveredLsn));
        Interlocked.Exchange(ref _newestSequence, captured.Sequence);
        Interlocked.Increment(ref _written);
        _store.SnapshotWritten?.Invoke();
    }

    /// <summary>A snapshot's bytes and, to verify them against, the live model's state at the moment they were captured.</summary>
    private sealed record CapturedSnapshot(ModelDefinition Definition, long Sequence, long CoveredLsn, byte[] File, byte[] ModelState, byte[] MetricState);
}
