using System.Buffers;
using System.Threading.Channels;
using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;
using Eddy.Server.ScaleOut;
using StackExchange.Redis;

namespace Eddy.Redis;

/// <summary>
/// A model's learn stream in Redis. Learns are appended by one script per batch of waiting learns (group commit): per
/// learn the idempotency check, pending-prediction take-out, position and <c>XADD</c>, the whole batch atomic; a learn is
/// acknowledged when the script returns, which with <c>appendfsync always</c> means Redis has it on disk.
/// </summary>
internal sealed class RedisModelLog(RedisBackend backend, string name, long generation, TimeSpan pendingTtl) : IRemoteModelLog
{
    private readonly ModelKeys _keys = backend.Keys.Of(name, generation);
    private readonly RedisKey _model = backend.Keys.Model(name);
    private readonly long _idempotencyTtlMs = (long)backend.Options.IdempotencyTtl.TotalMilliseconds;
    private readonly long _pendingTtlMs = Math.Max(1, (long)pendingTtl.TotalMilliseconds);
    private const int MaxBatch = 512;
    private const long MaxBatchBytes = 4 << 20;

    private readonly string _appended = backend.Keys.Appended.ToString();
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private int _appending;

    public Task<LearnOutcome> AppendAsync(LearnWork work)
    {
        // Encoded on the caller's thread; the appender only ships bytes.
        var append = new PendingAppend(Encode(work), work.IdempotencyKey, work.PendingId);
        _appends.Writer.TryWrite(append);
        if (Interlocked.CompareExchange(ref _appending, 1, 0) == 0)
        {
            _ = Task.Run(AppendLoopAsync);
        }

        return append.Completion.Task;
    }

    /// <summary>
    /// Group commit: whatever learns are waiting go to Redis in one script (one round trip, one AOF fsync), in the order
    /// they arrived; the next batch forms while this one is in flight.
    /// </summary>
    private async Task AppendLoopAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        ChannelReader<PendingAppend> reader = _appends.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            long bytes = 0;
            while (batch.Count < MaxBatch && bytes < MaxBatchBytes && reader.TryRead(out PendingAppend? append))
            {
                batch.Add(append);
                bytes += append.Entry.Length;
            }

            await SendAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task SendAsync(List<PendingAppend> batch)
    {
        var keys = new RedisKey[4 + (2 * batch.Count)];
        var values = new RedisValue[4 + (3 * batch.Count)];
        keys[0] = _model;
        keys[1] = _keys.Offset;
        keys[2] = _keys.Stream;
        keys[3] = _keys.Idle;
        values[0] = generation;
        values[1] = _idempotencyTtlMs;
        values[2] = _appended;
        values[3] = name;
        for (int i = 0; i < batch.Count; i++)
        {
            PendingAppend append = batch[i];
            keys[4 + (2 * i)] = append.Key is null ? _keys.Offset : _keys.Idempotency(append.Key);
            keys[5 + (2 * i)] = append.PendingId is null ? _keys.Offset : _keys.Pending(append.PendingId);
            values[4 + (3 * i)] = append.Entry;
            values[5 + (3 * i)] = append.Key is null ? "0" : "1";
            values[6 + (3 * i)] = append.PendingId is null ? "0" : "1";
        }

        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await backend.Database.ScriptEvaluateAsync(RedisScripts.AppendMany, keys, values).ConfigureAwait(false))!;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            foreach (PendingAppend append in batch)
            {
                append.Completion.TrySetResult(LearnOutcome.Refused(ProblemKind.StorageUnavailable, Unavailable(e)));
            }

            return;
        }

        for (int i = 0; i < batch.Count; i++)
        {
            PendingAppend append = batch[i];
            append.Completion.TrySetResult(result.Length == 1
                ? LearnOutcome.Refused(ProblemKind.ModelNotFound, $"The model '{name}' was deleted.")
                : Outcome((int)result[2 * i], (long)result[(2 * i) + 1], append.PendingId));
        }
    }

    private static LearnOutcome Outcome(int code, long position, string? pendingId) => code switch
    {
        0 => new LearnOutcome(LearnStatus.Learned, position, double.NaN),
        1 => new LearnOutcome(LearnStatus.Replayed, position, double.NaN),
        -2 => LearnOutcome.Refused(ProblemKind.PendingNotFound, $"No pending prediction has the id '{pendingId}' (never made, or forgotten after its TTL).", "id"),
        -3 => LearnOutcome.Refused(ProblemKind.AlreadyLearned, $"The label of prediction '{pendingId}' was already learned; it is not learned twice.", "id"),
        _ => LearnOutcome.Refused(ProblemKind.PendingExpired, $"The prediction '{pendingId}' expired before its label arrived; it was not learned.", "id"),
    };

    public Task<long> AppendLoadAsync(byte[] snapshot) => AppendControlAsync(StreamFields.Load, snapshot);

    public Task<long> AppendPublishAsync() => AppendControlAsync(StreamFields.Publish, RedisValue.EmptyString);

    public async Task<IReadOnlyList<(long Version, byte[] Snapshot)>> PublishedAsync()
    {
        IDatabase db = backend.Database;
        RedisValue head = await db.HashGetAsync(_keys.Head, "version").ConfigureAwait(false);
        var versions = new List<(long, byte[])>();
        for (long version = head.IsNull ? 0 : (long)head; version > 0 && versions.Count < backend.Options.KeepVersions; version--)
        {
            byte[]? bytes = await db.StringGetAsync(_keys.Snapshot(version)).ConfigureAwait(false);
            if (bytes is null)
            {
                break;
            }

            versions.Add((version, bytes));
        }

        return versions;
    }

    private async Task<long> AppendControlAsync(string field, RedisValue payload)
    {
        long position;
        try
        {
            position = (long)await backend.Database.ScriptEvaluateAsync(
                RedisScripts.AppendControl, [_model, _keys.Offset, _keys.Stream, _keys.Idle], [generation, field, payload, _appended, name]).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new ClientErrorException(ProblemKind.StorageUnavailable, $"{backend.Description} did not acknowledge the request ({e.GetType().Name}); retry.");
        }

        return position > 0 ? position : throw new ClientErrorException(ProblemKind.ModelNotFound, $"The model '{name}' was deleted.");
    }

    public bool TryAddPending(PendingPrediction pending)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        LogRecords.WritePending(new StateWriter(buffer), pending);
        try
        {
            // Synchronous: the prediction path is; only predictions with an id pay this round trip.
            return (long)backend.Database.ScriptEvaluate(RedisScripts.AddPending, [_keys.Pending(pending.Id)], [buffer.WrittenMemory, _pendingTtlMs]) == 1;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new ClientErrorException(ProblemKind.StorageUnavailable, $"The prediction could not be kept for its label: {backend.Description} did not answer ({e.GetType().Name}). Predict without an id, or retry.", "id");
        }
    }

    private sealed class PendingAppend(ReadOnlyMemory<byte> entry, string? key, string? pendingId)
    {
        public ReadOnlyMemory<byte> Entry { get; } = entry;

        public string? Key { get; } = key;

        public string? PendingId { get; } = pendingId;

        public TaskCompletionSource<LearnOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The entry: the log's payload version, then the example as a learned record carries it.</summary>
    private static ReadOnlyMemory<byte> Encode(LearnWork work)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new StateWriter(buffer);
        writer.WriteByte(LogRecords.PayloadVersion);
        LogRecords.WriteExample(writer, work);
        return buffer.WrittenMemory;
    }

    private string Unavailable(Exception e) =>
        $"{backend.Description} did not acknowledge the learn ({e.GetType().Name}: {e.Message}). It may or may not be in the stream: retry with the same Idempotency-Key to learn it exactly once.";
}
