using Eddy.Base;
using Eddy.Server.Json;

namespace Eddy.Server.Hosting;

/// <summary>One learn queued to a model's writer: the raw features (or a pending id), the label, and where to answer.</summary>
internal sealed class LearnWork
{
    private readonly TaskCompletionSource<LearnOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LearnWork(RawExample? features, Label y, string? pendingId, string? idempotencyKey)
    {
        Features = features;
        Y = y;
        PendingId = pendingId;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The features, owned by this work until it completes; null when learning a pending prediction.</summary>
    public RawExample? Features { get; }

    public Label Y { get; }

    public string? PendingId { get; }

    public string? IdempotencyKey { get; }

    /// <summary>Set by the writer when it applied this learn from a pending prediction.</summary>
    public PendingPrediction? Pending { get; set; }

    public LearnOutcome Outcome { get; set; }

    /// <summary>Not a learn: asks the writer to take a snapshot at this point of the stream.</summary>
    public bool SnapshotRequest { get; init; }

    public Task<LearnOutcome> Completion => _completion.Task;

    public void Complete() => _completion.TrySetResult(Outcome);
}
