using System.Text.Json;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// Published versions (scale-out): list the kept ones, publish one now, roll back to one, upload a snapshot. Each
/// change is an entry in the model's stream, so it happens in order with the learns and every rebuild repeats it.
/// </summary>
internal static class ScaleOutEndpoints
{
    public static IEndpointRouteBuilder MapScaleOut(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder models = routes.MapGroup("/v1/models").WithTags("Scale-out");
        models.MapGet("/{name}/published", ListAsync).WithSummary("The published versions still kept in Redis, newest first.");
        models.MapPost("/{name}/publish", PublishAsync).WithSummary("Ask the trainer to publish a version now, covering every learn acknowledged so far.");
        models.MapPost("/{name}/rollback", RollbackAsync).WithSummary("Make the model a kept published version again (admin); learning goes on from it.");
        return routes;
    }

    /// <summary>An upload: defines the model if it is new, then loads the snapshot through the stream.</summary>
    public static async Task<IResult> UploadAsync(HttpContext context, ModelRegistry registry, ModelDefinition definition, ModelSnapshot snapshot, ServerSettings settings)
    {
        (ModelHost host, long position) = await LoadAsync(registry, definition, snapshot);
        return await AppliedAsync(context, host, position, settings);
    }

    /// <summary>
    /// Defines the model if it is new, then appends the snapshot to its stream (uploads and restores); the position of
    /// that entry. A model that exists with another spec is a 409: every process serves a model as it was defined.
    /// </summary>
    public static async Task<(ModelHost Host, long Position)> LoadAsync(ModelRegistry registry, ModelDefinition definition, ModelSnapshot snapshot)
    {
        if (!registry.TryGet(definition.Name, out ModelHost? host))
        {
            host = await registry.CreateAsync(definition);
            if (host is null && !registry.TryGet(definition.Name, out host))
            {
                throw new ClientErrorException(ProblemKind.ModelExists, $"The model '{definition.Name}' was created and deleted meanwhile; try again.");
            }
        }

        if (host.Definition.Spec != definition.Spec || host.Definition.RollingWindow != definition.RollingWindow || host.Definition.Watch?.ToJson() != definition.Watch?.ToJson())
        {
            throw new ClientErrorException(
                ProblemKind.ModelExists,
                $"The model '{definition.Name}' has another spec; every process serves it as defined. Load under a new name, or delete it first.");
        }

        return (host, await host.RemoteLog!.AppendLoadAsync(snapshot.Serialize()));
    }

    private static async Task<IResult> ListAsync(string name, ModelRegistry registry)
    {
        if (Remote(name, registry, out ModelHost? host) is { } refused)
        {
            return refused;
        }

        var versions = new List<PublishedVersion>();
        foreach ((long version, byte[] bytes) in await host!.RemoteLog!.PublishedAsync())
        {
            ModelSnapshot snapshot = ModelSnapshot.Deserialize(bytes);
            versions.Add(new PublishedVersion(version, snapshot.CoveredLsn, snapshot.Sequence, bytes.Length));
        }

        return TypedResults.Ok(new PublishedVersions(name, host.Replica.Version, versions));
    }

    private static async Task<IResult> PublishAsync(HttpContext context, string name, ModelRegistry registry, ServerSettings settings)
    {
        if (Remote(name, registry, out ModelHost? host) is { } refused)
        {
            return refused;
        }

        long position = await host!.RemoteLog!.AppendPublishAsync();
        return await AppliedAsync(context, host, position, settings);
    }

    private static async Task<IResult> RollbackAsync(HttpContext context, string name, ModelRegistry registry, ServerSettings settings)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        if (Remote(name, registry, out ModelHost? host) is { } refused)
        {
            return refused;
        }

        long version;
        try
        {
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("version", out JsonElement value) || !value.TryGetInt64(out version))
            {
                return ModelEndpoints.Problem(ProblemKind.InvalidRequest, "Send {\"version\": N}, a version listed by GET …/published.", "version");
            }
        }
        catch (JsonException e)
        {
            return ModelEndpoints.Problem(ProblemKind.MalformedJson, e.Message);
        }

        foreach ((long kept, byte[] bytes) in await host!.RemoteLog!.PublishedAsync())
        {
            if (kept == version)
            {
                long position = await host.RemoteLog.AppendLoadAsync(bytes);
                return await AppliedAsync(context, host, position, settings);
            }
        }

        return ModelEndpoints.Problem(ProblemKind.InvalidRequest, $"Version {version} of '{name}' is not kept (GET /v1/models/{name}/published lists the kept ones).", "version");
    }

    /// <summary>200 with the model once the replica covers <paramref name="position"/>; 202 when no trainer got there in time.</summary>
    private static async Task<IResult> AppliedAsync(HttpContext context, ModelHost host, long position, ServerSettings settings)
    {
        if (await host.WaitForPositionAsync(position, settings.ReadYourWritesTimeout, context.RequestAborted))
        {
            return TypedResults.Ok(ModelEndpoints.Describe(host));
        }

        return TypedResults.Accepted($"/v1/models/{host.Name}", new Queued(host.Name, position, "queued: no trainer has applied it yet"));
    }

    private static IResult? Remote(string name, ModelRegistry registry, out ModelHost? host)
    {
        if (!registry.TryGet(name, out host))
        {
            return ModelEndpoints.Problem(ProblemKind.ModelNotFound, $"There is no model named '{name}'.");
        }

        return host.RemoteLog is null
            ? ModelEndpoints.Problem(ProblemKind.ScaleOutOnly, $"The model '{name}' is served by this process alone: it has no published versions (snapshots: GET …/snapshot).")
            : null;
    }

    internal sealed record PublishedVersion(long Version, long Offset, long Sequence, int Bytes);

    internal sealed record PublishedVersions(string Model, long Serving, IReadOnlyList<PublishedVersion> Versions);

    internal sealed record Queued(string Model, long Sequence, string Status);
}
