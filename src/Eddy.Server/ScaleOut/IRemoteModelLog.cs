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

    /// <summary>Stores a prediction served with an id, so a label may arrive at any server; false when the id is taken.</summary>
    public bool TryAddPending(PendingPrediction pending);
}
