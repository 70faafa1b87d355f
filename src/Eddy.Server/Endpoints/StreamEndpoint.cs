using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Eddy.Base;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Json;
using Eddy.Server.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace Eddy.Server.Endpoints;

/// <summary>
/// <c>POST /v1/models/{name}/stream</c>: NDJSON in, NDJSON out, one connection for high-rate clients. Each line is
/// <c>{"x", "y"}</c> or <c>{"id", "y"}</c> (learn) or <c>{"x"}</c> / <c>{"x", "id"}</c> (predict); each gets one
/// answer line, in order. On an anomaly model every line is a learn (<c>{"x"}</c>, optionally with <c>"label"</c>)
/// answered with the score the example got before it was learned. Learns are pipelined to the writer; a prediction first waits for the stream's earlier
/// learns, so a stream always reads its own writes. A bad line gets an error line; the stream goes on.
/// </summary>
internal static class StreamEndpoint
{
    private const int MaxInFlight = 256;

    public static IEndpointRouteBuilder MapStream(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/models/{name}/stream", (HttpContext context, string name, ModelRegistry registry, ServerSettings settings) =>
                ModelEndpoints.WithModelAsync(context, name, registry, settings, StreamAsync))
            .WithTags("Stream").WithSummary("NDJSON lines of learns and predictions in, one NDJSON answer per line out, in order.");
        return routes;
    }

    private static Task StreamAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        // A stream is unbounded; the limit applies to each line instead.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        string? ack = context.Request.Query["ack"];
        switch (ack)
        {
            case null or "applied":
                break;
            case "logged":
                // Scaled out, every learn is already acknowledged once the shared stream has it.
                if (!host.IsRemote)
                {
                    return LoggedStreamEndpoint.StreamAsync(context, host, settings);
                }

                break;
            default:
                throw new ClientErrorException(ProblemKind.InvalidRequest, $"ack is \"applied\" (answer each line once learned, the default) or \"logged\" (answer each batch once durable; learning follows), not \"{ack}\".", "ack");
        }

        return StreamAppliedAsync(context, host, settings);
    }

    private static async Task StreamAppliedAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-ndjson";
        PipeReader input = context.Request.BodyReader;
        PipeWriter output = context.Response.BodyWriter;
        var inFlight = new Queue<(LearnWork Work, long Line)>();
        long line = 0;
        while (true)
        {
            ReadResult read = await input.ReadAsync(context.RequestAborted);
            ReadOnlySequence<byte> buffer = read.Buffer;
            while (TryTakeLine(ref buffer, out ReadOnlySequence<byte> text) || (read.IsCompleted && TakeRest(ref buffer, out text)))
            {
                line++;
                if (IsBlank(text))
                {
                    continue;
                }

                if (text.Length > settings.MaxBodyBytes)
                {
                    await DrainAsync(inFlight, output, host);
                    WriteErrorLine(output, line, ProblemKind.BodyTooLarge, $"The line is over the limit of {settings.MaxBodyBytes} bytes.", null);
                    continue;
                }

                LearnWork? work = Process(text, line, host, settings, output, inFlight.Count > 0, out bool needsDrain);
                if (needsDrain)
                {
                    // A prediction or an error must come after the answers to earlier learns; drain, then do it again.
                    await DrainAsync(inFlight, output, host);
                    work = Process(text, line, host, settings, output, false, out _);
                }

                if (work is not null)
                {
                    _ = host.LearnAsync(work);
                    inFlight.Enqueue((work, line));
                    if (inFlight.Count >= MaxInFlight)
                    {
                        await DrainAsync(inFlight, output, host);
                    }
                }
            }

            if (buffer.Length > settings.MaxBodyBytes)
            {
                input.AdvanceTo(buffer.End);
                await DrainAsync(inFlight, output, host);
                WriteErrorLine(output, line + 1, ProblemKind.BodyTooLarge, $"The line is over the limit of {settings.MaxBodyBytes} bytes; the stream stops.", null);
                break;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            await DrainAsync(inFlight, output, host);
            await output.FlushAsync(context.RequestAborted);
            if (read.IsCompleted)
            {
                break;
            }
        }

        await DrainAsync(inFlight, output, host);
        await output.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// Handles one line. Returns the learn to queue, or null after writing an answer line. When earlier learns are
    /// still in flight and this line must answer now, does nothing and sets <paramref name="needsDrain"/>.
    /// </summary>
    private static LearnWork? Process(ReadOnlySequence<byte> text, long line, ModelHost host, ServerSettings settings, PipeWriter output, bool learnsInFlight, out bool needsDrain)
    {
        needsDrain = false;
        RawExample raw = RawExamplePool.Rent();
        try
        {
            ExampleRequest request = ExampleParser.ParseBody(text, new RawSink(raw), settings.MaxJsonDepth);
            bool anomaly = host.Definition.IsAnomaly;
            if (request.HasY || anomaly)
            {
                LearnWork work = Learning.CreateWork(request, raw, idempotencyKey: null, anomaly, host.Definition.IsSupervisedAnomaly);
                if (work.Features is null)
                {
                    RawExamplePool.Return(raw);
                }

                return work;
            }

            if (learnsInFlight)
            {
                needsDrain = true;
                RawExamplePool.Return(raw);
                return null;
            }

            Replica replica = host.Replica;
            FeatureVector x = Predictions.Vector(replica);
            raw.Fill(x);
            RawExamplePool.Return(raw);
            Predictions.Prediction prediction = Predictions.Predict(host, replica, x, request, "");
            Utf8JsonWriter writer = Begin(output);
            writer.WriteStartObject();
            writer.WriteNumber("line"u8, line);
            writer.WriteNumber("sequence"u8, replica.Sequence);
            writer.WriteNumber("version"u8, replica.Revision);
            Predictions.WriteFields(writer, prediction, request.Id, replica.Output);
            writer.WriteEndObject();
            End(output, writer);
            return null;
        }
        catch (ClientErrorException e)
        {
            RawExamplePool.Return(raw);
            if (learnsInFlight)
            {
                needsDrain = true;
                return null;
            }

            WriteErrorLine(output, line, e.Kind, e.Message, e.Field);
            return null;
        }
    }

    private static async ValueTask DrainAsync(Queue<(LearnWork Work, long Line)> inFlight, PipeWriter output, ModelHost host)
    {
        while (inFlight.TryDequeue(out (LearnWork Work, long Line) item))
        {
            LearnWork work = item.Work;
            LearnOutcome outcome = await work.Completion;
            if (!outcome.Succeeded)
            {
                if (work.Features is { } features)
                {
                    RawExamplePool.Return(features);
                }

                WriteErrorLine(output, item.Line, outcome.Problem!, outcome.Detail!, outcome.Field);
                continue;
            }

            Utf8JsonWriter writer = Begin(output);
            writer.WriteStartObject();
            writer.WriteNumber("line"u8, item.Line);
            writer.WriteNumber("sequence"u8, outcome.Sequence);
            writer.WriteBoolean("replayed"u8, outcome.Status == LearnStatus.Replayed);
            Learning.WriteScore(writer, host, outcome);
            Learning.WriteMetric(writer, host, outcome);
            writer.WriteEndObject();
            End(output, writer);
        }
    }

    /// <summary>An error answer for one line, or for the range of lines up to <paramref name="lastLine"/> (a refused batch).</summary>
    internal static void WriteErrorLine(PipeWriter output, long line, ProblemKind kind, string detail, string? field, long lastLine = 0)
    {
        Utf8JsonWriter writer = Begin(output);
        writer.WriteStartObject();
        if (lastLine > line)
        {
            writer.WriteStartArray("lines"u8);
            writer.WriteNumberValue(line);
            writer.WriteNumberValue(lastLine);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNumber("line"u8, line);
        }

        BatchEndpoints.WriteError(writer, kind, detail, field);
        writer.WriteEndObject();
        End(output, writer);
    }

    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    internal static Utf8JsonWriter Begin(PipeWriter output)
    {
        Utf8JsonWriter writer = s_writer ??= new Utf8JsonWriter(output);
        writer.Reset(output);
        return writer;
    }

    internal static void End(PipeWriter output, Utf8JsonWriter writer)
    {
        writer.Flush();
        writer.Reset();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    internal static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        SequencePosition? end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }

    internal static bool TakeRest(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        line = buffer;
        bool any = !buffer.IsEmpty;
        buffer = buffer.Slice(buffer.End);
        return any;
    }

    internal static bool IsBlank(ReadOnlySequence<byte> text)
    {
        foreach (ReadOnlyMemory<byte> segment in text)
        {
            foreach (byte b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
