using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Json;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// Model versions: <c>PATCH /v1/models/{name}</c> changes the spec, metrics, monitors or output (a new version),
/// <c>GET …/versions</c> lists them with their scores, <c>POST …/versions/{version|champion|previous}/restore</c> brings
/// one back as a new version. Changes are admin writes applied and logged by the model's writer.
/// </summary>
internal static class VersionEndpoints
{
    public static IEndpointRouteBuilder MapVersions(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder models = routes.MapGroup("/v1/models").WithTags("Models");
        models.MapPatch("/{name}", ChangeAsync)
            .WithSummary("Change any of pipeline/model, metrics, monitors/policy/challengers, output: a new model version (admin).");
        models.MapGet("/{name}/versions", GetAsync)
            .WithSummary("The model's versions: change, time, sequences served, scores when superseded; aliases champion and previous.");
        models.MapPost("/{name}/versions/{version}/restore", RestoreAsync)
            .WithSummary("Bring back an earlier version (a number or previous) as a new version (admin).");
        return routes;
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, string name, ModelRegistry registry, ModelFactory factory, ServerSettings settings, TimeProvider time)
    {
        if (Check(context, name, registry, settings) is { } refused)
        {
            return refused;
        }

        ModelHost host = registry.TryGet(name, out ModelHost? found) ? found : throw new InvalidOperationException();
        using IDisposable changing = await host.LockChangesAsync(context.RequestAborted);
        ModelChange? change;
        try
        {
            JsonObject patch = await ReadObjectAsync(context, settings);
            ModelDefinition next = factory.FromChange(host.Definition, patch, time.GetUtcNow().ToUnixTimeMilliseconds());
            change = ModelChange.Between(host.Definition, next);
        }
        catch (ClientErrorException e)
        {
            return ModelEndpoints.Problem(e.Kind, e.Message, e.Field);
        }

        if (change is null)
        {
            // Nothing differs: no new version, so retrying a change is harmless.
            return TypedResults.Ok(new Changed(host.Name, host.Replica.Revision, "none", host.Sequence));
        }

        return await ApplyAsync(host, change);
    }

    private static async Task<IResult> RestoreAsync(HttpContext context, string name, string version, ModelRegistry registry, ModelFactory factory, ServerSettings settings, TimeProvider time)
    {
        if (Check(context, name, registry, settings) is { } refused)
        {
            return refused;
        }

        ModelHost host = registry.TryGet(name, out ModelHost? found) ? found : throw new InvalidOperationException();
        using IDisposable changing = await host.LockChangesAsync(context.RequestAborted);
        IReadOnlyList<ModelRevision> revisions = host.Replica.Revisions;
        ModelRevision? target = Resolve(revisions, version);
        if (target is null)
        {
            return ModelEndpoints.Problem(ProblemKind.VersionNotFound, $"The model '{name}' has no version '{version}' (a number, champion or previous).", "version");
        }

        if (target.IsCurrent)
        {
            return ModelEndpoints.Problem(ProblemKind.VersionConflict, $"Version {target.Number} is the current version (champion) of '{name}'.", "version");
        }

        if (target.State.IsEmpty)
        {
            return ModelEndpoints.Problem(
                ProblemKind.VersionConflict, $"Version {target.Number} cannot be restored: only the {ModelRevisions.KeptStates} most recent earlier versions keep their state.", "version");
        }

        ModelSnapshot kept = ModelSnapshot.Deserialize(target.State);
        ModelDefinition definition = factory.FromSnapshot(kept) with
        {
            Name = host.Name,
            Publication = host.Definition.Publication,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        return await ApplyAsync(host, ModelChange.Restore(definition, target.Number));
    }

    private static async Task<IResult> ApplyAsync(ModelHost host, ModelChange change)
    {
        LearnOutcome outcome = await host.ChangeAsync(change);
        if (!outcome.Succeeded)
        {
            return ModelEndpoints.Problem(outcome.Problem!, outcome.Detail ?? outcome.Problem!.Title, outcome.Field);
        }

        return TypedResults.Ok(new Changed(host.Name, host.Replica.Revision, change.Kind, outcome.Sequence));
    }

    private static IResult? Check(HttpContext context, string name, ModelRegistry registry, ServerSettings settings)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        if (!registry.TryGet(name, out ModelHost? host))
        {
            return ModelEndpoints.Problem(ProblemKind.ModelNotFound, $"There is no model named '{name}'.");
        }

        return host.IsRemote
            ? ModelEndpoints.Problem(ProblemKind.NotInScaleOut, "Model versions cannot be changed on a scale-out server yet: every process serves a model as defined; create a new model instead.")
            : null;
    }

    /// <summary>A version by number, or an alias: <c>champion</c> (current) or <c>previous</c> (the one it superseded).</summary>
    internal static ModelRevision? Resolve(IReadOnlyList<ModelRevision> revisions, string version)
    {
        if (revisions.Count == 0)
        {
            return null;
        }

        if (version == "champion")
        {
            return revisions[^1];
        }

        if (version == "previous")
        {
            return revisions.Count > 1 ? revisions[^2] : null;
        }

        if (int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            foreach (ModelRevision revision in revisions)
            {
                if (revision.Number == number)
                {
                    return revision;
                }
            }
        }

        return null;
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context, ServerSettings settings)
    {
        ReadOnlySequence<byte> body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        try
        {
            var reader = new Utf8JsonReader(body, ExampleParser.Options(settings.MaxJsonDepth));
            return JsonNode.Parse(ref reader) as JsonObject
                ?? throw new ClientErrorException(ProblemKind.InvalidRequest, "The body is a JSON object with the parts to change.");
        }
        catch (JsonException e)
        {
            throw ExampleParser.Malformed(e);
        }
        finally
        {
            RequestBody.Release(context.Request, body);
        }
    }

    private static async Task GetAsync(HttpContext context, string name, ModelRegistry registry)
    {
        if (!registry.TryGet(name, out ModelHost? host))
        {
            await JsonResponse.ProblemAsync(context, ProblemKind.ModelNotFound, $"There is no model named '{name}'.");
            return;
        }

        Replica replica = host.Replica;
        IReadOnlyList<ModelRevision> revisions = replica.Revisions;
        Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
        writer.WriteStartObject();
        writer.WriteString("model"u8, host.Name);
        writer.WriteNumber("version"u8, replica.Revision);
        writer.WriteNumber("sequence"u8, replica.Sequence);
        writer.WriteStartObject("aliases"u8);
        writer.WriteNumber("champion"u8, replica.Revision);
        if (revisions.Count > 1)
        {
            writer.WriteNumber("previous"u8, revisions[^2].Number);
        }
        else
        {
            writer.WriteNull("previous"u8);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("versions"u8);
        for (int i = 0; i < revisions.Count; i++)
        {
            VersionWriter.Write(writer, revisions[i], replica, i == revisions.Count - 2);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await JsonResponse.EndAsync(context.Response, writer);
    }

    internal sealed record Changed(string Model, int Version, string Change, long Sequence);
}
