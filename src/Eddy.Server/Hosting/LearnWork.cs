using Eddy.Base;
using Eddy.Server.Json;

namespace Eddy.Server.Hosting;

/// <summary>One learn queued to a model's writer: the raw features (or a pending id), the label, and where to answer.</summary>
internal sealed class LearnWork
{
    // Created on first use: works replayed at recovery never complete anything, and there are millions of them.
    private TaskCompletionSource<LearnOutcome>? _completion;

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

    /// <summary>
    /// A supervised anomaly model's optional feedback (was this target an anomaly?): it only scores the metrics; the
    /// learned record carries it after the features. (An unsupervised model's feedback travels in <see cref="Y"/>.)
    /// </summary>
    public Label Feedback { get; init; }

    /// <summary>Set by the writer when it applied this learn from a pending prediction.</summary>
    public PendingPrediction? Pending { get; set; }

    public LearnOutcome Outcome { get; set; }

    /// <summary>Not a learn: asks the writer to take a snapshot at this point of the stream.</summary>
    public bool SnapshotRequest { get; init; }

    /// <summary>Not one learn: a bulk batch to append to the log ahead of learning it (<c>stream?ack=logged</c>).</summary>
    public LoggedBatch? Batch { get; init; }

    /// <summary>Not a learn: asks the writer to switch to this publication policy at this point of the stream.</summary>
    public PublicationPolicy? NewPublication { get; init; }

    /// <summary>Not a learn: asks the writer to promote this challenger at this point of the stream (logged there).</summary>
    public string? PromoteChallenger { get; init; }

    /// <summary>Not a learn: asks the writer to make a new model version at this point of the stream (logged there).</summary>
    public ModelChange? Change { get; init; }

    public Task<LearnOutcome> Completion => CompletionSource.Task;

    public void Complete() => CompletionSource.TrySetResult(Outcome);

    private TaskCompletionSource<LearnOutcome> CompletionSource
    {
        get
        {
            TaskCompletionSource<LearnOutcome>? completion = Volatile.Read(ref _completion);
            if (completion is not null)
            {
                return completion;
            }

            // The request thread (awaiting) and the writer (completing) may race to create it: one wins, both use it.
            Interlocked.CompareExchange(ref _completion, new TaskCompletionSource<LearnOutcome>(TaskCreationOptions.RunContinuationsAsynchronously), null);
            return _completion!;
        }
    }
}
