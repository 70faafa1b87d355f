using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// Model portability: <c>GET /v1/models/{name}/snapshot</c> downloads a verified snapshot taken now (the model's spec,
/// state, metrics and sequence in Eddy's snapshot format, docs/FORMAT.md); <c>PUT</c> uploads one (admin) to create or
/// replace the model — an offline warm start, after which it keeps learning online.
/// </summary>
internal static class SnapshotEndpoints
{
    public const string MediaType = "application/vnd.eddy.snapshot";

    public static IEndpointRouteBuilder MapSnapshots(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder models = routes.MapGroup("/v1/models").WithTags("Snapshots");
        models.MapGet("/{name}/snapshot", DownloadAsync).WithSummary("Download a snapshot of the model, taken now and verified.");
        models.MapPut("/{name}/snapshot", UploadAsync).WithSummary("Create or replace a model from a snapshot (admin).");
        return routes;
    }

    private static async Task<IResult> DownloadAsync(string name, ModelRegistry registry)
    {
        if (!registry.TryGet(name, out ModelHost? host))
        {
            return ModelEndpoints.Problem(ProblemKind.ModelNotFound, $"There is no model named '{name}'.");
        }

        if (await TakeAsync(registry, host, CancellationToken.None) is not { } snapshot)
        {
            return ModelEndpoints.Problem(ProblemKind.ModelFailure, "The snapshot could not be written; see the server log.");
        }

        return TypedResults.File(snapshot.Bytes, MediaType, $"{name}-{snapshot.Sequence}.eddy");
    }

    /// <summary>
    /// A snapshot of the model as of now: taken on its writer and verified (local), or the newest the trainer published
    /// (scale-out). Null when it could not be written.
    /// </summary>
    public static async Task<(byte[] Bytes, long Sequence)?> TakeAsync(ModelRegistry registry, ModelHost host, CancellationToken cancellation)
    {
        if (registry.ScaleOut is { } scaleOut)
        {
            byte[]? published = await scaleOut.LatestSnapshotAsync(host.Name, cancellation);
            return published is null ? (host.Replica.Sequence == 0 ? (FreshSnapshot(host), 0) : null) : (published, ModelSnapshot.Deserialize(published).Sequence);
        }

        long sequence = await host.SnapshotNowAsync();
        IReadOnlyList<Eddy.Storage.SnapshotFile> files = registry.Store!.Snapshots.List(host.Name);
        if (files.Count == 0 || files[0].Sequence < sequence)
        {
            return null;
        }

        return (registry.Store.Snapshots.Read(files[0]), files[0].Sequence);
    }

    /// <summary>A model nothing was published for yet: its fresh state, as a snapshot file.</summary>
    private static byte[] FreshSnapshot(ModelHost host) => new Learner(host.Definition).Capture(host.Definition, 0).Serialize();

    private static async Task<IResult> UploadAsync(HttpContext context, string name, ModelRegistry registry, ModelFactory factory, ServerSettings settings)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxSnapshotBytes + 1;
        }

        if (context.Request.ContentLength > settings.MaxSnapshotBytes)
        {
            return ModelEndpoints.Problem(ProblemKind.BodyTooLarge, $"The snapshot is over the limit of {settings.MaxSnapshotBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > settings.MaxSnapshotBytes)
            {
                return ModelEndpoints.Problem(ProblemKind.BodyTooLarge, $"The snapshot is over the limit of {settings.MaxSnapshotBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        ModelSnapshot snapshot;
        ModelDefinition definition;
        try
        {
            snapshot = ModelSnapshot.Deserialize(buffer.ToArray()) with { Name = name };
            definition = factory.FromSnapshot(snapshot);

            // Refuse before logging anything: the state must load into the model the spec describes.
            new Learner(definition).Load(snapshot);
        }
        catch (SnapshotFormatException e)
        {
            return ModelEndpoints.Problem(ProblemKind.InvalidSnapshot, e.Message);
        }
        catch (Eddy.Specs.SpecException e)
        {
            return ModelEndpoints.Problem(ProblemKind.InvalidSnapshot, $"The snapshot's spec is not valid here: {e.Message}");
        }
        catch (ClientErrorException e)
        {
            return ModelEndpoints.Problem(e.Kind, e.Message, e.Field);
        }

        if (registry.ScaleOut is not null)
        {
            return await ScaleOutEndpoints.UploadAsync(context, registry, definition, snapshot, settings);
        }

        ModelHost host = await registry.LoadAsync(definition, snapshot);
        return TypedResults.Ok(ModelEndpoints.Describe(host));
    }
}
