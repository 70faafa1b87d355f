using Microsoft.Extensions.Options;

namespace Eddy.Server.Http;

/// <summary>The request limits endpoints need, read once from <see cref="EddyServerOptions"/>.</summary>
internal sealed class ServerSettings
{
    public ServerSettings(IOptions<EddyServerOptions> options)
    {
        EddyServerOptions o = options.Value;
        MaxBodyBytes = o.MaxBodyBytes;
        MaxJsonDepth = o.MaxJsonDepth;
        ApiKey = string.IsNullOrEmpty(o.ApiKey) ? null : o.ApiKey;
        DefaultModel = o.DefaultModel;
        MaxSnapshotBytes = o.MaxSnapshotBytes;
        ReadYourWritesTimeout = o.ReadYourWritesTimeout;
        MaxIngestBytes = o.MaxIngestBytes;
    }

    /// <summary>Largest body <c>POST /v1/ingest/{source}</c> keeps.</summary>
    public long MaxIngestBytes { get; }

    /// <summary>How long a prediction asking for read-your-writes (<c>Eddy-After</c>) waits for the replica.</summary>
    public TimeSpan ReadYourWritesTimeout { get; }

    public long MaxSnapshotBytes { get; }

    public long MaxBodyBytes { get; }

    public int MaxJsonDepth { get; }

    public string? ApiKey { get; }

    public string DefaultModel { get; }
}
