using System.Buffers;
using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;
using Eddy.Server.ScaleOut;
using StackExchange.Redis;

namespace Eddy.Redis;

/// <summary>
/// A model's learn stream in Redis. A learn is one script: idempotency check, pending-prediction take-out, position,
/// <c>XADD</c>, all atomic; it is acknowledged when the script returns, which with <c>appendfsync always</c> means
/// Redis has it on disk.
/// </summary>
internal sealed class RedisModelLog(RedisBackend backend, string name, long generation, TimeSpan pendingTtl) : IRemoteModelLog
{
    private readonly ModelKeys _keys = backend.Keys.Of(name, generation);
    private readonly RedisKey _model = backend.Keys.Model(name);
    private readonly long _idempotencyTtlMs = (long)backend.Options.IdempotencyTtl.TotalMilliseconds;
    private readonly long _pendingTtlMs = Math.Max(1, (long)pendingTtl.TotalMilliseconds);
    private readonly string _appended = backend.Keys.Appended.ToString();

    public async Task<LearnOutcome> AppendAsync(LearnWork work)
    {
        string? key = work.IdempotencyKey;
        string? pendingId = work.PendingId;
        RedisKey[] keys =
        [
            _model, _keys.Offset, _keys.Stream,
            key is null ? _keys.Offset : _keys.Idempotency(key),
            _keys.Idle,
            pendingId is null ? _keys.Offset : _keys.Pending(pendingId),
        ];
        RedisValue[] values = [generation, Encode(work), _idempotencyTtlMs, key is null ? "0" : "1", pendingId is null ? "0" : "1", _appended, name];
        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await backend.Database.ScriptEvaluateAsync(RedisScripts.Append, keys, values).ConfigureAwait(false))!;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return LearnOutcome.Refused(ProblemKind.StorageUnavailable, Unavailable(e));
        }

        long position = (long)result[1];
        return (int)result[0] switch
        {
            0 => new LearnOutcome(LearnStatus.Learned, position, double.NaN),
            1 => new LearnOutcome(LearnStatus.Replayed, position, double.NaN),
            -2 => LearnOutcome.Refused(ProblemKind.PendingNotFound, $"No pending prediction has the id '{pendingId}' (never made, or forgotten after its TTL).", "id"),
            -3 => LearnOutcome.Refused(ProblemKind.AlreadyLearned, $"The label of prediction '{pendingId}' was already learned; it is not learned twice.", "id"),
            -4 => LearnOutcome.Refused(ProblemKind.PendingExpired, $"The prediction '{pendingId}' expired before its label arrived; it was not learned.", "id"),
            _ => LearnOutcome.Refused(ProblemKind.ModelNotFound, $"The model '{name}' was deleted."),
        };
    }

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
