using System.IO.Pipelines;
using Eddy.Server.Http;
using Eddy.Server.Problems;
using Eddy.Storage;

namespace Eddy.Server.Endpoints;

/// <summary>
/// Ingest: <c>POST /v1/ingest/{source}</c> keeps the body (CSV, NDJSON or Parquet) as an immutable, timestamped raw file in
/// the data directory — checked as it streams in, fsynced before the answer, never rewritten — and the GET routes list
/// and return them. What the models learn is prepared from these copies; the copies themselves are history.
/// </summary>
internal static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder ingest = routes.MapGroup("/v1/ingest").WithTags("Ingest");
        ingest.MapPost("/{source}", IngestAsync).WithSummary("Keep the body (CSV, NDJSON or Parquet) as an immutable raw file of this source (admin).");
        ingest.MapPost("/{source}/redis", StreamIngestEndpoint.IngestAsync)
            .WithSummary("Keep the entries of a Redis Stream after an id as an immutable NDJSON raw file of this source (admin; needs --redis).");
        ingest.MapGet("/", (RawArchive archive) => TypedResults.Ok(archive.Sources())).WithSummary("The sources with raw files.");
        ingest.MapGet("/{source}", List).WithSummary("A source's raw files, oldest first.");
        ingest.MapGet("/{source}/{file}", Download).WithSummary("A raw file, byte for byte as it was received.");
        return routes;
    }

    private static async Task<IResult> IngestAsync(HttpContext context, string source, RawArchive archive, ServerSettings settings, TimeProvider time)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        if (!StorageLayout.IsValidName(source))
        {
            return ModelEndpoints.Problem(ProblemKind.InvalidRequest, $"A source name has 1 to {StorageLayout.MaxNameLength} letters, digits, '.', '_' or '-'.", "source");
        }

        string? format = Format(context.Request);
        if (format is null)
        {
            return ModelEndpoints.Problem(
                ProblemKind.UnsupportedMediaType,
                "Send text/csv, application/x-ndjson or application/vnd.apache.parquet (or ?format=csv|ndjson|parquet).");
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxIngestBytes + 1;
        }

        var check = new RawFormatCheck(format);
        using RawArchive.Writer writer = archive.Begin(source, format, time.GetUtcNow());
        PipeReader body = context.Request.BodyReader;
        while (true)
        {
            ReadResult read = await body.ReadAsync(context.RequestAborted);
            foreach (ReadOnlyMemory<byte> segment in read.Buffer)
            {
                if (writer.Bytes + segment.Length > settings.MaxIngestBytes)
                {
                    return ModelEndpoints.Problem(ProblemKind.BodyTooLarge, $"The body is over the ingest limit of {settings.MaxIngestBytes} bytes; nothing was kept.");
                }

                if (check.Feed(segment.Span) is { } error)
                {
                    return ModelEndpoints.Problem(ProblemKind.InvalidRequest, $"Not {format}: {error} Nothing was kept.");
                }

                writer.Append(segment.Span);
            }

            body.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        if (check.Finish() is { } problem)
        {
            return ModelEndpoints.Problem(ProblemKind.InvalidRequest, $"Not {format}: {problem} Nothing was kept.");
        }

        RawFile kept = writer.Commit();
        return TypedResults.Created(
            $"/v1/ingest/{source}/{kept.Name}",
            new IngestReceipt(source, kept.Name, format, kept.Bytes, check.Records, kept.Sha256!, kept.ReceivedAt!.Value));
    }

    private static IResult List(string source, RawArchive archive) =>
        StorageLayout.IsValidName(source)
            ? TypedResults.Ok(archive.List(source))
            : ModelEndpoints.Problem(ProblemKind.InvalidRequest, "Not a source name.", "source");

    private static IResult Download(string source, string file, RawArchive archive)
    {
        if (!StorageLayout.IsValidName(source) || !StorageLayout.IsValidName(file))
        {
            return ModelEndpoints.Problem(ProblemKind.InvalidRequest, "Not a source or file name.");
        }

        try
        {
            string type = Path.GetExtension(file) switch
            {
                ".csv" => "text/csv",
                ".ndjson" => "application/x-ndjson",
                _ => "application/vnd.apache.parquet",
            };
            return TypedResults.Stream(archive.Open(source, file), type, file);
        }
        catch (FileNotFoundException e)
        {
            return ModelEndpoints.Problem(ProblemKind.RawFileNotFound, e.Message, "file");
        }
    }

    private static string? Format(HttpRequest request)
    {
        string? asked = request.Query["format"];
        if (asked is "csv" or "ndjson" or "parquet")
        {
            return asked;
        }

        if (asked is not null)
        {
            return null;
        }

        return request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "text/csv" => "csv",
            "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" => "ndjson",
            "application/vnd.apache.parquet" or "application/x-parquet" => "parquet",
            _ => null,
        };
    }

    internal sealed record IngestReceipt(string Source, string File, string Format, long Bytes, long? Records, string Sha256, DateTimeOffset ReceivedAt);
}
