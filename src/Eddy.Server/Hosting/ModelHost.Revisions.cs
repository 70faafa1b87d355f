using Eddy.Base;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;
using Eddy.Storage;

namespace Eddy.Server.Hosting;

/// <summary>
/// Model versions: a change of the definition (or a restore) is a write on the model's queue, applied by the writer in
/// order with the learns and logged right after it applied, among the model's learned records; it is acknowledged once
/// durable and published. Recovery repeats it at the same point of the stream.
/// </summary>
internal sealed partial class ModelHost
{
    // One change at a time per model: each is validated against the definition it replaces.
    private readonly SemaphoreSlim _changing = new(1, 1);

    /// <summary>Serializes changes of this model (held while one is validated and applied).</summary>
    public async Task<IDisposable> LockChangesAsync(CancellationToken cancellation)
    {
        await _changing.WaitAsync(cancellation).ConfigureAwait(false);
        return new Releaser(_changing);
    }

    /// <summary>Applies a change on the writer; completes when it is durable and published (the outcome's sequence is where).</summary>
    public Task<LearnOutcome> ChangeAsync(ModelChange change) =>
        LearnAsync(new LearnWork(null, Label.None, null, null) { Change = change });

    /// <summary>Recovery: applies a logged change (before <see cref="Start"/>).</summary>
    public void ReplayChange(RevisionRecords.Revised revised, ModelFactory factory, long lsn)
    {
        ModelDefinition next = factory.FromLog(revised.Definition) with { Publication = Definition.Publication };
        ModelChange? change = revised.RestoredFrom > 0 ? ModelChange.Restore(next, revised.RestoredFrom) : ModelChange.Between(Definition, next);
        if (change is null || revised.Number != _learner.Revision + 1 || _learner.Refuse(change) is { } reason)
        {
            throw new WalCorruptException($"Replaying the log of model '{Name}': the change to version {revised.Number} at LSN {lsn} does not apply.");
        }

        _learner.Revise(change, next.CreatedAtMs);
        Definition = next;
        _publisher.Rebase();
        _lastLsn = lsn;
    }

    /// <summary>On the writer: applies the change, logs it after it applied, and answers with the sequence it happened at.</summary>
    private bool ApplyChange(LearnWork work, ModelChange change, ref long lastLsn)
    {
        if (_storageFailure is not null)
        {
            work.Outcome = StorageFailed();
            return false;
        }

        // The policy may have changed since the request read the definition; it is not part of a version.
        change = change with { Definition = change.Definition with { Publication = Definition.Publication } };
        if (_learner.Refuse(change) is { } reason)
        {
            work.Outcome = LearnOutcome.Refused(ProblemKind.VersionConflict, reason, change.RestoredFrom > 0 ? "version" : "pipeline");
            return false;
        }

        _learner.Revise(change, change.Definition.CreatedAtMs);
        Definition = change.Definition;
        _publisher.Rebase();
        int number = _learner.Revision;
        if (_store is not null)
        {
            lastLsn = _store.AppendRevised(Name, change, number);
        }

        string kind = change.Kind;
        Monitor.Record("version", Sequence, _time.GetUtcNow(), writer =>
        {
            writer.WriteNumber("version"u8, number);
            writer.WriteString("change"u8, kind);
        });
        work.Outcome = new LearnOutcome(LearnStatus.Learned, Sequence, double.NaN);
        return true;
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private SemaphoreSlim? _semaphore = semaphore;

        public void Dispose() => Interlocked.Exchange(ref _semaphore, null)?.Release();
    }
}
