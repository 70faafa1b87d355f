using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Eddy.Server.Http;
using Eddy.Server.Json;
using Eddy.Server.Problems;
using Eddy.Server.ScaleOut;
using Eddy.Storage;

namespace Eddy.Server.Endpoints;

/// <summary>
/// <c>POST /v1/ingest/{source}/redis</c> with <c>{"stream": key, "from": id, "count": n}</c>: the entries of a Redis Stream
/// after <c>from</c> (exclusive; <c>0-0</c>, the default, reads from the start), as one immutable NDJSON raw file kept
/// exactly like an uploaded NDJSON body. The answer's <c>last</c> is the next call's <c>from</c>. A copy stops at an
/// entry boundary before the ingest size limit; with no new entries nothing is kept (200, <c>file</c> null).
/// </summary>
internal static class StreamIngestEndpoint
{
    private const int PageSize = 1000;
    private const string Format = "ndjson";

    private static readonly JsonWriterOptions s_lines = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<IResult> IngestAsync(HttpContext context, string source, RawArchive archive, ServerSettings settings, TimeProvider time)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        if (!StorageLayout.IsValidName(source))
        {
            return ModelEndpoints.Problem(ProblemKind.InvalidRequest, $"A source name has 1 to {StorageLayout.MaxNameLength} letters, digits, '.', '_' or '-'.", "source");
        }

        if (context.RequestServices.GetService<IStreamSource>() is not { } streams)
        {
            return ModelEndpoints.Problem(ProblemKind.RedisRequired, "Ingest from a Redis Stream needs the server to run with Redis: start it with --redis <configuration>.");
        }

        StreamRequest request;
        try
        {
            request = await ReadAsync(context, settings);
        }
        catch (ClientErrorException e)
        {
            return ModelEndpoints.Problem(e.Kind, e.Message, e.Field);
        }

        try
        {
            string kind = await streams.KindAsync(request.Stream, context.RequestAborted);
            return kind switch
            {
                "stream" => await CopyAsync(streams, request, source, archive, settings, time, context.RequestAborted),
                "none" => ModelEndpoints.Problem(ProblemKind.StreamNotFound, $"{streams.Description} has no key '{request.Stream}'.", "stream"),
                _ => ModelEndpoints.Problem(ProblemKind.InvalidRequest, $"The key '{request.Stream}' holds a {kind}, not a stream.", "stream"),
            };
        }
        catch (IOException e)
        {
            return ModelEndpoints.Problem(ProblemKind.SourceUnavailable, e.Message);
        }
    }

    private static async Task<IResult> CopyAsync(
        IStreamSource streams, StreamRequest request, string source, RawArchive archive, ServerSettings settings, TimeProvider time, CancellationToken cancellation)
    {
        var line = new ArrayBufferWriter<byte>(256);
        using var json = new Utf8JsonWriter(line, s_lines);
        var check = new RawFormatCheck(Format);
        RawArchive.Writer? writer = null;
        try
        {
            string last = request.From;
            long remaining = request.Count ?? long.MaxValue;
            bool full = false;
            while (remaining > 0 && !full && Next(last) is { } start)
            {
                int size = (int)Math.Min(remaining, PageSize);
                IReadOnlyList<SourceEntry> page = await streams.ReadAsync(request.Stream, start, size, cancellation);
                foreach (SourceEntry entry in page)
                {
                    line.ResetWrittenCount();
                    if (StreamEntryJson.Write(line, json, entry) is { } error)
                    {
                        return ModelEndpoints.Problem(ProblemKind.InvalidRequest, $"Not one JSON object per entry: {error} Nothing was kept.", "stream");
                    }

                    writer ??= archive.Begin(source, Format, time.GetUtcNow());
                    if (writer.Bytes + line.WrittenCount > settings.MaxIngestBytes)
                    {
                        if (writer.Bytes == 0)
                        {
                            return ModelEndpoints.Problem(ProblemKind.BodyTooLarge, $"The entry {entry.Id} alone is over the ingest limit of {settings.MaxIngestBytes} bytes; nothing was kept.");
                        }

                        full = true;
                        break;
                    }

                    if (check.Feed(line.WrittenSpan) is { } problem)
                    {
                        return ModelEndpoints.Problem(ProblemKind.InvalidRequest, $"Not {Format}: {problem} Nothing was kept.");
                    }

                    writer.Append(line.WrittenSpan);
                    last = entry.Id;
                    remaining--;
                }

                if (page.Count < size)
                {
                    break;
                }
            }

            if (writer is null || writer.Bytes == 0)
            {
                return TypedResults.Ok(new StreamIngestReceipt(source, null, Format, 0, 0, null, null, request.Stream, request.From, last));
            }

            if (check.Finish() is { } unfinished)
            {
                return ModelEndpoints.Problem(ProblemKind.InvalidRequest, $"Not {Format}: {unfinished} Nothing was kept.");
            }

            RawFile kept = writer.Commit();
            return TypedResults.Created(
                $"/v1/ingest/{source}/{kept.Name}",
                new StreamIngestReceipt(source, kept.Name, Format, kept.Bytes, check.Records ?? 0, kept.Sha256, kept.ReceivedAt, request.Stream, request.From, last));
        }
        finally
        {
            writer?.Dispose();
        }
    }

    private static string? Next(string id) =>
        StreamEntryJson.TryParseId(id, out ulong ms, out ulong seq) ? StreamEntryJson.After(ms, seq) : null;

    private static async Task<StreamRequest> ReadAsync(HttpContext context, ServerSettings settings)
    {
        ReadOnlySequence<byte> body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        try
        {
            using JsonDocument document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = settings.MaxJsonDepth });
            return Parse(document.RootElement);
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

    private static StreamRequest Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "The body is {\"stream\": key, \"from\": id, \"count\": n}.");
        }

        string? stream = null;
        string from = "0-0";
        long? count = null;
        foreach (JsonProperty property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "stream" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } key:
                    stream = key;
                    break;
                case "from" when property.Value.ValueKind == JsonValueKind.String && StreamEntryJson.TryParseId(property.Value.GetString()!, out _, out _):
                    from = property.Value.GetString()!;
                    break;
                case "count" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out long n) && n >= 1:
                    count = n;
                    break;
                case "stream" or "from" or "count":
                    throw new ClientErrorException(ProblemKind.InvalidRequest, Expected(property.Name), property.Name);
                default:
                    throw new ClientErrorException(ProblemKind.InvalidRequest, $"Unknown property '{property.Name}': the body has stream, from and count.", property.Name);
            }
        }

        return stream is null
            ? throw new ClientErrorException(ProblemKind.InvalidRequest, Expected("stream"), "stream")
            : new StreamRequest(stream, from, count);
    }

    private static string Expected(string property) => property switch
    {
        "stream" => "'stream' is the key of a Redis Stream (a non-empty string).",
        "from" => "'from' is a stream entry id, 'ms-seq' or 'ms' (digits): entries after it are read.",
        _ => "'count' is the most entries to read, an integer ≥ 1.",
    };

    private sealed record StreamRequest(string Stream, string From, long? Count);

    internal sealed record StreamIngestReceipt(
        string Source, string? File, string Format, long Bytes, long Records, string? Sha256, DateTimeOffset? ReceivedAt, string Stream, string From, string Last);
}
