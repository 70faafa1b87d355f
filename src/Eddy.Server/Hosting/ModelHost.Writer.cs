using System.Threading.Channels;
using Eddy.Base;
using Eddy.Server.Problems;
using Eddy.Storage;

namespace Eddy.Server.Hosting;

/// <summary>
/// The writer's loop: drains the queue in batches, applies them, appends their records, and makes them durable with a
/// pipelined group commit before publishing and answering; a storage failure abandons the writer's state.
/// </summary>
internal sealed partial class ModelHost
{
    // Queued behind the learns by a batch that became durable, to wake the writer when it has nothing else to do.
    private static readonly LearnWork s_durabilitySignal = new(null, Label.None, null, null);

    private async Task WriteLoopAsync()
    {
        ChannelReader<LearnWork> reader = _queue.Reader;
        while (true)
        {
            FinishDurableBatches();
            if (_inFlight.Count > 0 && !SyncsAreSlow && !reader.TryPeek(out _))
            {
                // Fast syncs: nothing new to overlap with the batch being synced, so finish it now; the requests that
                // arrive meanwhile queue up and make the next batch.
                await FinishOldestAsync().ConfigureAwait(false);
                continue;
            }

            if (!await WaitForWorkAsync(reader).ConfigureAwait(false))
            {
                break;
            }

            if (reader.TryPeek(out LearnWork? head) && head.Batch is not null)
            {
                await RunLoggedBatchesAsync(reader).ConfigureAwait(false);
                continue;
            }

            List<LearnWork> batch = RentBatch();
            long lastLsn = 0;
            bool snapshotRequested = false;
            bool promoted = false;

            // A logged batch ends this batch: it is appended before it is applied, so earlier learns go first.
            while (batch.Count < MaxBatch && reader.TryPeek(out LearnWork? next) && next.Batch is null && reader.TryRead(out LearnWork? work))
            {
                if (ReferenceEquals(work, s_durabilitySignal))
                {
                    continue;
                }

                if (work.NewPublication is { } publication)
                {
                    Definition = Definition with { Publication = publication };
                    work.Outcome = new LearnOutcome(LearnStatus.Learned, Sequence, double.NaN);
                    Monitor.Record("publication", Sequence, _time.GetUtcNow(), writer => writer.WriteString("policy"u8, publication.ToString()));
                }
                else if (work.PromoteChallenger is { } challenger)
                {
                    promoted |= ApplyPromotion(work, challenger, ref lastLsn);
                }
                else if (work.Change is { } change)
                {
                    promoted |= ApplyChange(work, change, ref lastLsn);
                }
                else if (work.SnapshotRequest)
                {
                    snapshotRequested = true;
                    work.Outcome = new LearnOutcome(LearnStatus.Learned, Sequence, double.NaN);
                }
                else
                {
                    Apply(work);
                    if (_store is not null && work.Outcome.Status == LearnStatus.Learned)
                    {
                        lastLsn = _store.AppendLearned(Name, work.Outcome.Sequence, work);
                    }
                }

                batch.Add(work);
            }

            if (batch.Count == 0)
            {
                _spareBatches.Push(batch);
                continue;
            }

            bool snapshotDue = !snapshotRequested && _snapshotter is not null && _snapshotter.IsDue(Sequence);
            if (lastLsn > 0 && Definition.Publication.IsAfterEveryLearn && !snapshotRequested && _storageFailure is null)
            {
                // Group commit, pipelined: this batch syncs while the writer applies the next one. Its replica is
                // captured now (the state after it) and published once it is durable, so readers only see durable
                // state. With fast syncs the writer then waits for the previous batch (so requests arriving meanwhile
                // queue up into one batch: one wake and one replica for many). With slow syncs it does not wait: the
                // requests arriving meanwhile are applied and logged at once and join the commit the log is gathering,
                // and a signal queued behind them wakes the writer when a batch is durable. The signal is registered
                // in both modes: the log may turn slow while this batch syncs, and then the writer waits on its queue.
                Task durable = _store!.WaitForDurableAsync(lastLsn).AsTask();
                _inFlight.Enqueue(new InFlightBatch(batch, lastLsn, _publisher.Capture(), durable));
                if (snapshotDue)
                {
                    BeginSnapshot(lastLsn, durable);
                }

                _ = durable.ContinueWith(
                    static (_, queue) => ((ChannelWriter<LearnWork>)queue!).TryWrite(s_durabilitySignal),
                    _queue.Writer, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (_inFlight.Count > 1 && !SyncsAreSlow)
                {
                    await FinishOldestAsync().ConfigureAwait(false);
                }

                continue;
            }

            await FinishAllInFlightAsync().ConfigureAwait(false);
            if (lastLsn > 0 && !await MakeDurableAsync(lastLsn, batch).ConfigureAwait(false))
            {
                _spareBatches.Push(batch);
                continue;
            }

            if (promoted)
            {
                _publisher.PublishNow(force: true);
            }

            PublishIfDue();
            if (snapshotRequested)
            {
                await TakeSnapshotAsync().ConfigureAwait(false);
            }
            else if (snapshotDue && _storageFailure is null)
            {
                BeginSnapshot(_lastLsn, Task.CompletedTask);
            }

            Complete(batch);
            _spareBatches.Push(batch);
        }

        await FinishAllInFlightAsync().ConfigureAwait(false);

        // Stopping: whatever was learned (and is durable) becomes visible.
        _publisher.PublishNow(force: false);
    }

    private List<LearnWork> RentBatch() => _spareBatches.TryPop(out List<LearnWork>? batch) ? batch : new List<LearnWork>(MaxBatch);

    /// <summary>Finishes the pipelined batches that are durable by now, oldest first, without waiting.</summary>
    private void FinishDurableBatches()
    {
        while (_inFlight.TryPeek(out InFlightBatch? batch) && batch.Durable.IsCompleted)
        {
            _inFlight.Dequeue();
            Finish(batch);
        }
    }

    private bool SyncsAreSlow => _store?.Log.SyncsAreSlow == true;

    private async Task FinishAllInFlightAsync()
    {
        while (_inFlight.Count > 0)
        {
            await FinishOldestAsync().ConfigureAwait(false);
        }
    }

    private async Task FinishOldestAsync()
    {
        InFlightBatch batch = _inFlight.Dequeue();

        // Finish reports a failed sync; the wait itself must not throw.
        await batch.Durable.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Finish(batch);
    }

    /// <summary>Publishes the replica captured after a durable pipelined batch and answers its requests.</summary>
    private void Finish(InFlightBatch batch)
    {
        if (batch.Durable.IsFaulted)
        {
            FailStorage(batch.Durable.Exception!.InnerException, batch.Works);
        }
        else if (_storageFailure is not null)
        {
            FailStorage(null, batch.Works);
        }
        else
        {
            _lastLsn = Math.Max(_lastLsn, batch.Lsn);
            _publisher.Publish(batch.Candidate);
            Complete(batch.Works);
        }

        _spareBatches.Push(batch.Works);
    }

    private static void Complete(List<LearnWork> batch)
    {
        foreach (LearnWork work in batch)
        {
            work.Complete();
        }

        batch.Clear();
    }

    private async ValueTask<bool> MakeDurableAsync(long lsn, List<LearnWork> batch)
    {
        try
        {
            await _store!.WaitForDurableAsync(lsn).ConfigureAwait(false);
            _lastLsn = lsn;
            return true;
        }
        catch (WalWriteException e)
        {
            FailStorage(e, batch);
            return false;
        }
    }

    /// <summary>
    /// The writer's state is now ahead of the disk: it is abandoned. Readers keep the last published (durable) replica;
    /// nothing acknowledged is lost; a restart recovers from the log. The batch, and every later learn, gets 503.
    /// </summary>
    private void FailStorage(Exception? error, List<LearnWork> batch)
    {
        if (_storageFailure is null)
        {
            string failure = error?.Message ?? "the log failed";
            _storageFailure = failure;
            _logger.LogError(error, "Model {Model}: the log could not be made durable; learns are refused until restart.", Name);
            Monitor.Record("storage-failure", _publisher.Current.Sequence, _time.GetUtcNow(), writer => writer.WriteString("message"u8, failure));
        }

        foreach (LearnWork work in batch)
        {
            work.Outcome = StorageFailed();
            work.Complete();
        }

        batch.Clear();
        _publisher.Abandon();
    }

    private LearnOutcome StorageFailed() => LearnOutcome.Refused(
        ProblemKind.StorageUnavailable, $"The model's log cannot be written ({_storageFailure}); learns are refused until the server restarts. Predictions still work.");

    private async ValueTask<bool> WaitForWorkAsync(ChannelReader<LearnWork> reader)
    {
        PublicationPolicy policy = Definition.Publication;
        if (_publisher.Unpublished == 0 || policy.EveryMilliseconds == 0)
        {
            return await reader.WaitToReadAsync().ConfigureAwait(false);
        }

        // Time-based publication must also happen when no further learn arrives.
        TimeSpan remaining = TimeSpan.FromMilliseconds(policy.EveryMilliseconds) - _publisher.SinceLastPublish;
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

        _publisher.PublishNow(force: false);
        return await reader.WaitToReadAsync().ConfigureAwait(false);
    }

    private void Apply(LearnWork work)
    {
        if (_storageFailure is not null)
        {
            work.Outcome = StorageFailed();
            return;
        }

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
            _publisher.Restore();
            work.Outcome = LearnOutcome.Refused(ProblemKind.ModelFailure, $"The model failed: {e.GetType().Name}. Its state is as before the request.");
            return;
        }

        if (work.Outcome.Problem == ProblemKind.RejectedUpdate)
        {
            // An overflow refused by a later pipeline step may follow an earlier step's update: put the state back.
            _publisher.Restore();
            return;
        }

        if (work.Outcome.Succeeded)
        {
            _publisher.Track(work);
            if (key is not null)
            {
                _idempotency.Add(key, work.Outcome);
            }
        }
    }

    private void PublishIfDue()
    {
        if (Definition.Publication.ShouldPublish(_publisher.Unpublished, _publisher.SinceLastPublish))
        {
            _publisher.PublishNow(force: false);
        }
    }

    /// <summary>On demand: waits for a cadence snapshot still being written, then takes this one now.</summary>
    private async Task TakeSnapshotAsync()
    {
        await _snapshotter!.Writing.ConfigureAwait(false);
        _snapshotter.Take(Definition, _learner, Sequence, _lastLsn, SnapshotFinished);
    }

    /// <summary>Cadence: captures the state after the learns up to <paramref name="lsn"/>; written in the background once <paramref name="durable"/>.</summary>
    private void BeginSnapshot(long lsn, Task durable) => _snapshotter!.Begin(Definition, _learner, Sequence, lsn, durable, SnapshotFinished);

    private void SnapshotFinished(long sequence, long lsn, Exception? error)
    {
        if (error is not null)
        {
            // A failed snapshot loses nothing (the log still has every record); the next one will be tried later.
            _logger.LogError(error, "Model {Model}: snapshot at sequence {Sequence} failed.", Name, sequence);
            return;
        }

        Monitor.Record("snapshot", sequence, _time.GetUtcNow(), writer => writer.WriteNumber("lsn"u8, lsn));
    }

    /// <summary>A batch whose records are being synced while the writer goes on: its requests, last LSN, and replica.</summary>
    private sealed record InFlightBatch(List<LearnWork> Works, long Lsn, Replica Candidate, Task Durable);
}
