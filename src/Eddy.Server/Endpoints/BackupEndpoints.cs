using System.IO.Compression;
using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// Backups while the server keeps serving: <c>GET /v1/admin/backup</c> answers a zip of one verified snapshot per model,
/// each taken on its model's writer at a point of its stream (so each is consistent with itself); <c>POST
/// /v1/admin/restore</c> loads such a zip, creating or replacing each model in it (models not in it are left alone).
/// Both need the API key when one is configured. <c>eddy backup</c> and <c>eddy restore</c> call them.
/// </summary>
internal static class BackupEndpoints
{
    public const string EntryPrefix = "models/";
    public const string EntrySuffix = ".snap";

    public static IEndpointRouteBuilder MapBackups(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder admin = routes.MapGroup("/v1/admin").WithTags("Admin");
        admin.MapGet("/backup", BackupAsync).WithSummary("A zip of a verified snapshot of every model, taken now (admin).");
        admin.MapPost("/restore", RestoreAsync).WithSummary("Load a backup zip: create or replace each model in it (admin).");
        return routes;
    }

    private static async Task<IResult> BackupAsync(HttpContext context, ModelRegistry registry, ServerSettings settings)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        using var archive = new MemoryStream();
        using (var zip = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ModelHost host in registry.Models.OrderBy(h => h.Name, StringComparer.Ordinal))
            {
                if (await SnapshotEndpoints.TakeAsync(registry, host, context.RequestAborted) is not { } snapshot)
                {
                    return ModelEndpoints.Problem(ProblemKind.ModelFailure, $"The snapshot of '{host.Name}' could not be written; see the server log.");
                }

                ZipArchiveEntry entry = zip.CreateEntry(EntryPrefix + host.Name + EntrySuffix, CompressionLevel.Fastest);
                await using Stream stream = entry.Open();
                await stream.WriteAsync(snapshot.Bytes);
            }
        }

        return TypedResults.File(archive.ToArray(), "application/zip", $"eddy-backup-{DateTime.UtcNow:yyyyMMddTHHmmssZ}.zip");
    }

    private static async Task<IResult> RestoreAsync(HttpContext context, ModelRegistry registry, ModelFactory factory, ServerSettings settings)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxSnapshotBytes + 1;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > settings.MaxSnapshotBytes)
        {
            return ModelEndpoints.Problem(ProblemKind.BodyTooLarge, $"The backup is over the limit of {settings.MaxSnapshotBytes} bytes.");
        }

        // Everything is read and checked before any model changes: a bad archive restores nothing.
        var models = new List<(ModelDefinition Definition, ModelSnapshot Snapshot)>();
        try
        {
            body.Position = 0;
            using var zip = new ZipArchive(body, ZipArchiveMode.Read);
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                if (!entry.FullName.StartsWith(EntryPrefix, StringComparison.Ordinal) || !entry.FullName.EndsWith(EntrySuffix, StringComparison.Ordinal))
                {
                    continue;
                }

                if (entry.Length > settings.MaxSnapshotBytes)
                {
                    return ModelEndpoints.Problem(ProblemKind.BodyTooLarge, $"{entry.FullName} is over the snapshot limit.");
                }

                using var content = new MemoryStream();
                await using (Stream stream = entry.Open())
                {
                    await stream.CopyToAsync(content);
                }

                string name = entry.FullName[EntryPrefix.Length..^EntrySuffix.Length];
                ModelSnapshot snapshot = ModelSnapshot.Deserialize(content.ToArray()) with { Name = name };
                ModelDefinition definition = factory.FromSnapshot(snapshot);
                new Learner(definition).Load(snapshot);
                models.Add((definition, snapshot));
            }
        }
        catch (Exception e) when (e is InvalidDataException or SnapshotFormatException or Eddy.Specs.SpecException or ClientErrorException)
        {
            return ModelEndpoints.Problem(ProblemKind.InvalidSnapshot, $"The backup cannot be restored: {e.Message}");
        }

        if (models.Count == 0)
        {
            return ModelEndpoints.Problem(ProblemKind.InvalidSnapshot, $"The archive holds no {EntryPrefix}<name>{EntrySuffix} entries.");
        }

        var restored = new List<ModelEndpoints.ModelSummary>();
        foreach ((ModelDefinition definition, ModelSnapshot snapshot) in models)
        {
            ModelHost host = registry.ScaleOut is null
                ? await registry.LoadAsync(definition, snapshot)
                : (await ScaleOutEndpoints.LoadAsync(registry, definition, snapshot)).Host;
            restored.Add(ModelEndpoints.Summarize(host));
        }

        return TypedResults.Ok(restored);
    }
}
