using System.Buffers;
using Eddy.Server.Hosting;
using Eddy.Storage;

namespace Eddy.Server.Persistence;

/// <summary>
/// The server's durable state in its data directory: one write-ahead log shared by every model (so concurrent learns
/// of all models share each fsync: group commit) and a snapshot store. Models append and wait; the log's flusher
/// decides how many records each sync covers.
/// </summary>
internal sealed class ModelStore : IAsyncDisposable
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? s_buffer;

    private readonly WriteAheadLog _log;

    public ModelStore(string dataDirectory, Durability durability, IStorageFileSystem fileSystem, Action<string> log)
    {
        DataDirectory = dataDirectory;
        _log = WriteAheadLog.Open(dataDirectory, new WalOptions(Durability: durability), fileSystem, log);
        Snapshots = new SnapshotStore(dataDirectory, fileSystem);
    }

    public string DataDirectory { get; }

    public SnapshotStore Snapshots { get; }

    public WriteAheadLog Log => _log;

    /// <summary>Called after a model wrote a snapshot (the registry trims the log then).</summary>
    public Action? SnapshotWritten { get; set; }

    public long AppendCreated(ModelDefinition definition) => _log.Append((byte)LogRecordKind.ModelCreated, LogRecords.ModelCreated(definition));

    public long AppendLoaded(byte[] snapshot) => _log.Append((byte)LogRecordKind.ModelLoaded, snapshot);

    public long AppendReconfigured(string name, PublicationPolicy publication) =>
        _log.Append((byte)LogRecordKind.ModelReconfigured, LogRecords.ModelReconfigured(name, publication));

    public long AppendPromoted(string name, string challenger) =>
        _log.Append((byte)LogRecordKind.ChallengerPromoted, LogRecords.ChallengerPromoted(name, challenger));

    public long AppendRevised(string name, ModelChange change, int number) =>
        _log.Append((byte)LogRecordKind.ModelRevised, RevisionRecords.Write(name, change, number));

    public long AppendDeleted(string name) => _log.Append((byte)LogRecordKind.ModelDeleted, LogRecords.ModelDeleted(name));

    /// <summary>Appends a learned example (buffered); durable once <see cref="WaitForDurableAsync"/> returns for its LSN.</summary>
    public long AppendLearned(string model, long sequence, LearnWork work)
    {
        ArrayBufferWriter<byte> buffer = s_buffer ??= new ArrayBufferWriter<byte>(512);
        LogRecords.WriteLearned(buffer, model, sequence, work);
        return _log.Append((byte)LogRecordKind.Learned, buffer.WrittenSpan);
    }

    /// <summary>Appends a bulk batch (buffered), ahead of learning it.</summary>
    public long AppendBatch(LoggedBatch batch) => _log.Append((byte)LogRecordKind.LearnedBatch, batch.Payload.Span);

    public ValueTask WaitForDurableAsync(long lsn, CancellationToken cancellation = default) => _log.WaitForDurableAsync(lsn, cancellation);

    /// <summary>Drops log segments every model's snapshot (or creation) has moved past.</summary>
    public void RemoveLogBefore(long lsn) => _log.RemoveSegmentsBefore(lsn);

    public ValueTask DisposeAsync() => _log.DisposeAsync();
}
