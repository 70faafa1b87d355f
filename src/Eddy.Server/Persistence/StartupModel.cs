using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Server.Problems;

namespace Eddy.Server.Persistence;

/// <summary>
/// Loads the model named by <c>EDDY_MODEL</c> (or <c>Eddy:Model</c>) before the server listens, as the seed's
/// online-inference service loads <c>REMOTE_MODEL_PATH</c> before its first request: a snapshot file, or an
/// <c>http(s)://</c> URL such as another Eddy's <c>GET /v1/models/{name}/snapshot</c>. The load is logged like an
/// upload, so a restart on the same data directory keeps the model and what it learned since.
/// </summary>
internal static class StartupModel
{
    private static readonly TimeSpan s_downloadTimeout = TimeSpan.FromSeconds(60);

    public static void Load(EddyServerOptions options, ModelRegistry registry, ModelFactory factory, ILogger logger)
    {
        string source = options.Model!;
        byte[] bytes = Read(source, options.MaxSnapshotBytes);
        ModelSnapshot snapshot;
        ModelDefinition definition;
        try
        {
            snapshot = ModelSnapshot.Deserialize(bytes);
            if (!string.IsNullOrEmpty(options.ModelName))
            {
                snapshot = snapshot with { Name = options.ModelName };
            }

            definition = factory.FromSnapshot(snapshot);
            new Learner(definition).Load(snapshot);
        }
        catch (Exception e) when (e is SnapshotFormatException or Eddy.Specs.SpecException or ClientErrorException)
        {
            throw new ModelLoadException($"The model at {source} cannot be loaded: {e.Message}", e);
        }

        if (registry.TryGet(snapshot.Name, out ModelHost? existing) && options.ModelLoad == ModelLoadMode.IfMissing)
        {
            logger.LogInformation(
                "Model {Model} is already in the data directory (sequence {Sequence}); {Source} was not loaded over it (Eddy:ModelLoad=Replace does).",
                snapshot.Name, existing.Sequence, source);
            return;
        }

        registry.LoadAsync(definition, snapshot).GetAwaiter().GetResult();
        logger.LogInformation("Model {Model} loaded from {Source} at sequence {Sequence}.", snapshot.Name, source, snapshot.Sequence);
    }

    private static byte[] Read(string source, long maxBytes)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return Download(uri, maxBytes);
        }

        if (!File.Exists(source))
        {
            throw new ModelLoadException($"There is no model file at {Path.GetFullPath(source)}.");
        }

        var info = new FileInfo(source);
        if (info.Length > maxBytes)
        {
            throw new ModelLoadException($"The model file {source} is {info.Length} bytes, over the limit of {maxBytes} (Eddy:MaxSnapshotBytes).");
        }

        try
        {
            return File.ReadAllBytes(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException($"The model file {source} cannot be read: {e.Message}", e);
        }
    }

    private static byte[] Download(Uri uri, long maxBytes)
    {
        using var client = new HttpClient { Timeout = s_downloadTimeout, MaxResponseContentBufferSize = maxBytes };
        try
        {
            using HttpResponseMessage response = client.GetAsync(uri).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                throw new ModelLoadException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}; no model was loaded.");
            }

            return response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            throw new ModelLoadException($"{uri} cannot be reached: {e.Message}", e);
        }
        catch (TaskCanceledException e)
        {
            throw new ModelLoadException($"{uri} did not answer within {s_downloadTimeout.TotalSeconds} s.", e);
        }
    }
}
