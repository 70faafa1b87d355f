using Eddy.Server.Hosting;

namespace Eddy.Server.ScaleOut;

/// <summary>
/// The server's seam to a scale-out backend (<c>Eddy.Redis</c> implements it): where model definitions live and
/// where a learn goes when several processes share the models. The registry delegates model lifecycle to it.
/// </summary>
internal interface IScaleOut
{
    /// <summary>Where the shared state is, for logs and <c>/readyz</c> (no credentials).</summary>
    public string Description { get; }

    /// <summary>
    /// For <c>/readyz</c>: null when this process is ready, else why not (backend not reached yet, a replica too stale
    /// for the configured bound, no lease).
    /// </summary>
    public string? NotReadyReason { get; }

    /// <summary>The trainer side of this process (roles trainer and all): per model, whether it is the writer and how far it got.</summary>
    public IReadOnlyDictionary<string, TrainingStatus>? Training { get; }

    /// <summary>Defines a model for every process and starts serving it here; null when the name is taken.</summary>
    public Task<ModelHost?> CreateModelAsync(ModelDefinition definition, CancellationToken cancellation);

    /// <summary>Deletes a model for every process; false when there is none by that name.</summary>
    public Task<bool> DeleteModelAsync(string name, CancellationToken cancellation);

    /// <summary>The newest published snapshot of a model (the file format of <c>GET …/snapshot</c>), or null.</summary>
    public Task<byte[]?> LatestSnapshotAsync(string name, CancellationToken cancellation);
}

/// <summary>A trainer's view of one model: whether it holds the lease, the version it published last, the position it applied.</summary>
internal sealed record TrainingStatus(bool Writer, long Version, long Position);
