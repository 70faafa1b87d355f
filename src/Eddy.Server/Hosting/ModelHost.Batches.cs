using System.Threading.Channels;
using Eddy.Base;
using Eddy.Server.Json;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;
using Eddy.Storage;

namespace Eddy.Server.Hosting;

/// <summary>
/// Bulk ingestion (<c>stream?ack=logged</c>): batches are appended to the log as soon as the writer reaches them and
/// answered once durable; learning them trails behind. The writer appends every batch queued right behind the one it
/// is learning (up to the backlog bound), so the log takes examples at the rate requests bring them, not the rate the
/// model learns them. Log order stays learning order: a batch is appended only when everything queued before it has
/// been appended, and a single learn behind batches waits until they are learned.
/// </summary>
internal sealed partial class ModelHost
{
    private readonly Queue<LoggedBatch> _backlog = new();
    private readonly List<string> _batchNames = [];
    private readonly long _backlogLimit;
    private long _backlogBytes;
    private long _backlogExamples;

    /// <summary>Examples accepted by bulk requests and not yet learned.</summary>
    public long Backlog => Interlocked.Read(ref _backlogExamples);

    /// <summary>
    /// Queues a bulk batch. The task completes when the batch is durable in the log (its outcome's sequence is the
    /// record's LSN), or with a refusal when the log failed or the model is stopping; learning follows later.
    /// </summary>
    public Task<LearnOutcome> LogBatchAsync(LoggedBatch batch)
    {
        Interlocked.Add(ref _backlogExamples, batch.Count);
        if (!_queue.Writer.TryWrite(new LearnWork(null, Label.None, null, null) { Batch = batch }))
        {
            RefuseBatch(batch, LearnOutcome.Refused(ProblemKind.ShuttingDown, $"The model '{Name}' is being deleted or the server is stopping."));
        }

        return batch.Logged.Task;
    }

    /// <summary>Recovery: learns a logged batch again (before <see cref="Start"/>), refusing what the writer refused.</summary>
    public int ReplayBatch(ReadOnlyMemory<byte> payload, long lsn)
    {
        // A refusal after a partial update restores the last published state: publish the state before the batch.
        _publisher.PublishNow(force: true);
        int examples = ApplyLogged(payload);
        _lastLsn = lsn;
        return examples;
    }

    private async Task RunLoggedBatchesAsync(ChannelReader<LearnWork> reader)
    {
        await FinishAllInFlightAsync().ConfigureAwait(false);
        AppendAhead(reader);
        while (_backlog.TryDequeue(out LoggedBatch? batch))
        {
            if (_storageFailure is null)
            {
                // Learns applied since the last publication stay tracked, so a restore after a failure replays them.
                ReadOnlyMemory<byte> payload = batch.Payload;
                await BackgroundLearning.RunAsync(() => ApplyLogged(payload)).ConfigureAwait(false);
            }

            Interlocked.Add(ref _backlogExamples, -batch.Count);
            _backlogBytes -= batch.Length;
            long lsn = batch.Lsn;
            batch.Release();
            AppendAhead(reader);
            if (_storageFailure is not null)
            {
                continue;
            }

            bool snapshotDue = _snapshotter is not null && _snapshotter.IsDue(Sequence);
            if (!snapshotDue && !Definition.Publication.ShouldPublish(_publisher.Unpublished, _publisher.SinceLastPublish))
            {
                continue;
            }

            // Readers and snapshots only ever see durable state.
            if (_store is not null && lsn > 0 && !await MakeDurableAsync(lsn, []).ConfigureAwait(false))
            {
                continue;
            }

            _publisher.PublishNow(force: false);
            if (snapshotDue)
            {
                BeginSnapshot(_lastLsn, Task.CompletedTask);
            }
        }
    }

    /// <summary>Appends the batches queued at the head of the writer's queue, up to the backlog bound.</summary>
    private void AppendAhead(ChannelReader<LearnWork> reader)
    {
        while ((_backlog.Count == 0 || _backlogBytes < _backlogLimit)
               && reader.TryPeek(out LearnWork? next) && next.Batch is not null && reader.TryRead(out _))
        {
            LoggedBatch batch = next.Batch;
            if (_storageFailure is not null)
            {
                RefuseBatch(batch, StorageFailed());
                continue;
            }

            if (_store is null)
            {
                // No data directory: accepted is all there is.
                batch.Logged.TrySetResult(new LearnOutcome(LearnStatus.Learned, 0, double.NaN));
            }
            else
            {
                try
                {
                    batch.Lsn = _store.AppendBatch(batch);
                }
                catch (WalWriteException e)
                {
                    FailStorage(e, []);
                    RefuseBatch(batch, StorageFailed());
                    continue;
                }

                _ = AnswerWhenDurableAsync(batch, batch.Lsn);
            }

            _backlog.Enqueue(batch);
            _backlogBytes += batch.Length;
        }
    }

    private void RefuseBatch(LoggedBatch batch, LearnOutcome refusal)
    {
        Interlocked.Add(ref _backlogExamples, -batch.Count);
        batch.Logged.TrySetResult(refusal);
        batch.Release();
    }

    private async Task AnswerWhenDurableAsync(LoggedBatch batch, long lsn)
    {
        try
        {
            await _store!.WaitForDurableAsync(lsn).ConfigureAwait(false);
            batch.Logged.TrySetResult(new LearnOutcome(LearnStatus.Learned, lsn, double.NaN));
        }
        catch (WalWriteException e)
        {
            batch.Logged.TrySetResult(LearnOutcome.Refused(
                ProblemKind.StorageUnavailable, $"The model's log cannot be written ({e.Message}); the batch was not logged. Predictions still work."));
        }
    }

    /// <summary>Learns a batch record's examples in order; refused ones are skipped and reported as one event.</summary>
    private int ApplyLogged(ReadOnlyMemory<byte> payload)
    {
        var records = new BatchRecords.Reader(payload, _batchNames);
        int refused = 0;
        int examples = 0;
        LearnOutcome first = default;
        while (true)
        {
            RawExample raw = RawExamplePool.Rent();
            if (!records.Next(raw, out Label y))
            {
                RawExamplePool.Return(raw);
                break;
            }

            examples++;
            var work = new LearnWork(raw, y, null, null);
            Apply(work);
            if (!work.Outcome.Succeeded)
            {
                // Learned works keep their features until a replica covers them (see ReplicaPublisher.Track).
                RawExamplePool.Return(raw);
                first = refused++ == 0 ? work.Outcome : first;
            }
        }

        if (refused > 0)
        {
            Monitor.Record("refused", Sequence, _time.GetUtcNow(), writer =>
            {
                writer.WriteNumber("examples"u8, refused);
                writer.WriteString("problem"u8, first.Problem?.ToString());
                writer.WriteString("detail"u8, first.Detail);
            });
        }

        return examples;
    }
}
