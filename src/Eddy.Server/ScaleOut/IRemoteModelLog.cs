using Eddy.Server.Hosting;

namespace Eddy.Server.ScaleOut;

/// <summary>
/// A model's shared, durable stream of learns (scale-out): a server appends validated learns to it and acknowledges them
/// once the backend has them durably; the trainer applies the stream in order.
/// </summary>
internal interface IRemoteModelLog
{
    /// <summary>
    /// Appends a validated learn; the outcome's sequence is its position in the stream (a replayed idempotency key answers
    /// the first position). A learn by pending id takes the stored prediction out exactly once.
    /// </summary>
    public Task<LearnOutcome> AppendAsync(LearnWork work);

    /// <summary>
    /// Appends an entry that makes the model this snapshot (an upload or a rollback), in order with the learns; returns
    /// its position. The snapshot must be of this model's definition (the caller checked it).
    /// </summary>
    public Task<long> AppendLoadAsync(byte[] snapshot);

    /// <summary>Asks the trainer to publish a version right after this position (on demand); returns the position.</summary>
    public Task<long> AppendPublishAsync();

    /// <summary>The published versions still kept, newest first: version and snapshot file.</summary>
    public Task<IReadOnlyList<(long Version, byte[] Snapshot)>> PublishedAsync();

    /// <summary>Stores a prediction served with an id, so a label may arrive at any server; false when the id is taken.</summary>
    public bool TryAddPending(PendingPrediction pending);
}
