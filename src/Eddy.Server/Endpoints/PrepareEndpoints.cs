using System.Text;
using System.Text.Json;
using Eddy.Server.Prepare;
using Eddy.Server.Problems;
using Eddy.Specs;
using Eddy.Storage;

namespace Eddy.Server.Endpoints;

/// <summary>
/// <c>POST /v1/prepare</c>: a stand-alone, stateless transform. A JSON body <c>{"steps", "rows", "target", "coerce",
/// "impute", "join"}</c> answers <c>{"rows": [...]}</c>; an NDJSON body (one row per line, <c>?steps=…&amp;target=…</c>)
/// answers NDJSON. See <see cref="PrepareRunner"/> for the order and semantics.
/// </summary>
internal static class PrepareEndpoints
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Indented = false };

    public static IEndpointRouteBuilder MapPrepare(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/prepare", PrepareAsync)
            .WithTags("Prepare")
            .WithSummary("Join, coerce, impute and transform rows with a pipeline of transformers; nothing is kept.");
        return routes;
    }

    private static async Task<IResult> PrepareAsync(HttpContext context, RawArchive archive, EstimatorCatalog catalog)
    {
        CancellationToken cancellationToken = context.RequestAborted;
        string? type = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        bool ndjson = type is "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines";
        try
        {
            PrepareOptions options;
            List<PreparedRow> rows;
            if (ndjson)
            {
                options = PrepareOptions.FromQuery(context.Request.Query["steps"], context.Request.Query["target"], catalog);
                rows = await ReadNdjsonAsync(context.Request.Body, cancellationToken);
            }
            else if (type is "application/json" or null)
            {
                using JsonDocument document = await JsonDocument.ParseAsync(context.Request.Body, default, cancellationToken);
                JsonElement body = PrepareOptions.Object(document.RootElement, "body");
                options = PrepareOptions.Read(body, catalog);
                rows = body.TryGetProperty("rows", out JsonElement items)
                    ? PrepareRunner.ReadRows(items, "rows")
                    : throw new PrepareException("rows", "A prepare request needs 'rows', an array of objects.");
            }
            else
            {
                return ModelEndpoints.Problem(ProblemKind.UnsupportedMediaType, "Send application/json or application/x-ndjson.");
            }

            List<PreparedRow> prepared = await PrepareRunner.RunAsync(options, rows, archive, cancellationToken);
            return ndjson
                ? Results.Text(Serialize(prepared, asLines: true), "application/x-ndjson", Encoding.UTF8)
                : Results.Text(Serialize(prepared, asLines: false), "application/json", Encoding.UTF8);
        }
        catch (JsonException e)
        {
            return ModelEndpoints.Problem(ProblemKind.MalformedJson, e.Message);
        }
        catch (PrepareException e)
        {
            return ModelEndpoints.Problem(e.Kind, e.Message, e.Field);
        }
    }

    private static async Task<List<PreparedRow>> ReadNdjsonAsync(Stream body, CancellationToken cancellationToken)
    {
        var rows = new List<PreparedRow>();
        using var reader = new StreamReader(body);
        int line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                line++;
                continue;
            }

            if (rows.Count == PrepareRunner.MaxRows)
            {
                throw new PrepareException("body", $"At most {PrepareRunner.MaxRows} rows per request.", ProblemKind.BodyTooLarge);
            }

            using JsonDocument document = JsonDocument.Parse(text);
            rows.Add(PrepareRunner.ReadRow(document.RootElement, $"rows[{line++}]"));
        }

        return rows;
    }

    private static string Serialize(List<PreparedRow> rows, bool asLines)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            if (!asLines)
            {
                writer.WriteStartObject();
                writer.WriteNumber("count", rows.Count);
                writer.WriteStartArray("rows");
            }

            foreach (PreparedRow row in rows)
            {
                writer.WriteStartObject();
                foreach ((string name, object? value) in row)
                {
                    switch (value)
                    {
                        case double number:
                            writer.WriteNumber(name, number);
                            break;
                        case string text:
                            writer.WriteString(name, text);
                            break;
                        case bool flag:
                            writer.WriteBoolean(name, flag);
                            break;
                        default:
                            writer.WriteNull(name);
                            break;
                    }
                }

                writer.WriteEndObject();
                if (asLines)
                {
                    writer.Flush();
                    buffer.WriteByte((byte)'\n');
                    writer.Reset();
                }
            }

            if (!asLines)
            {
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
