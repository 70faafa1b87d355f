using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Eddy.Base;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Json;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// <c>POST /v1/models/{name}/stream?ack=logged</c>: bulk ingestion. Every line is a learn (<c>{"x", "y"}</c>; on an
/// anomaly model <c>{"x"}</c> with an optional <c>"label"</c>), checked against the published replica, and lines are
/// logged in batches ahead of learning. One answer line per batch, <c>{"lines": [first, last], "accepted": n,
/// "logged": true}</c>, once the batch is durable: acknowledged examples survive a crash, and the model learns them in
/// order behind the log (<c>GET /v1/models/{name}</c> shows the backlog). A line refused by the check gets its own
/// error line at once; an example the model itself refuses later (rare: an update that would overflow) is skipped and
/// reported as a <c>refused</c> event.
/// </summary>
internal static class LoggedStreamEndpoint
{
    private const int BatchExamples = 2048;
    private const int BatchBytes = 256 << 10;
    private const int MaxBatchesInFlight = 16;

    public static async Task StreamAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-ndjson";
        PipeReader input = context.Request.BodyReader;
        PipeWriter output = context.Response.BodyWriter;
        var inFlight = new Queue<LoggedBatch>();
        var encoder = new BatchRecords.Encoder(host.Name);
        var raw = new RawExample();
        var names = new Range[LearnLineReader.MaxFeatures];
        var values = new double[LearnLineReader.MaxFeatures];
        bool anomaly = host.Definition.IsAnomaly;
        long line = 0;
        bool stop = false;
        while (!stop)
        {
            if (!input.TryRead(out ReadResult read))
            {
                // Nothing more buffered: send what is batched rather than wait for the client.
                await SendAsync(encoder, host, inFlight, output);
                await AnswerDoneAsync(inFlight, output, wait: false);
                await output.FlushAsync(context.RequestAborted);
                read = await input.ReadAsync(context.RequestAborted);
            }
            else if (AnswerDone(inFlight, output))
            {
                await output.FlushAsync(context.RequestAborted);
            }

            ReadOnlySequence<byte> buffer = read.Buffer;
            while (TryTakeLine(ref buffer, out ReadOnlySequence<byte> text) || (read.IsCompleted && TakeRest(ref buffer, out text)))
            {
                line++;
                if (text.Length > settings.MaxBodyBytes)
                {
                    WriteErrorLine(output, line, ProblemKind.BodyTooLarge, $"The line is over the limit of {settings.MaxBodyBytes} bytes.", null);
                    continue;
                }

                if (!anomaly && text.IsSingleSegment && LearnLineReader.TryRead(text.FirstSpan, names, values, out int count, out Label fastY)
                    && Learner.AcceptsLabel(host.Replica, fastY))
                {
                    encoder.AddUtf8(text.FirstSpan, names.AsSpan(0, count), values.AsSpan(0, count), fastY, line);
                    if (encoder.Count >= BatchExamples || encoder.Length >= BatchBytes)
                    {
                        await SendAsync(encoder, host, inFlight, output);
                    }
                }
                else if (!IsBlank(text) && Accept(text, line, host, settings, raw, anomaly, output) is { } y)
                {
                    encoder.Add(raw, y, line);
                    if (encoder.Count >= BatchExamples || encoder.Length >= BatchBytes)
                    {
                        await SendAsync(encoder, host, inFlight, output);
                    }
                }
            }

            if (buffer.Length > settings.MaxBodyBytes)
            {
                input.AdvanceTo(buffer.End);
                WriteErrorLine(output, line + 1, ProblemKind.BodyTooLarge, $"The line is over the limit of {settings.MaxBodyBytes} bytes; the stream stops.", null);
                break;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            stop = read.IsCompleted;
        }

        await SendAsync(encoder, host, inFlight, output);
        await AnswerDoneAsync(inFlight, output, wait: true);
        await output.FlushAsync(context.RequestAborted);
    }

    /// <summary>Parses and checks one line; the label to log it with, or null after writing its error line.</summary>
    private static Label? Accept(ReadOnlySequence<byte> text, long line, ModelHost host, ServerSettings settings, RawExample raw, bool anomaly, PipeWriter output)
    {
        raw.Clear();
        try
        {
            ExampleRequest request = ExampleParser.ParseBody(text, new RawSink(raw), settings.MaxJsonDepth);
            if (!anomaly && !request.HasY)
            {
                throw new ClientErrorException(ProblemKind.InvalidRequest, "With ack=logged every line is a learn {\"x\", \"y\"}; predict on the predict routes.", "y");
            }

            Learning.Validate(request, anomaly);
            if (request.Id is not null)
            {
                throw new ClientErrorException(ProblemKind.InvalidRequest, "With ack=logged a line carries its features; learn pending predictions by id on the other routes.", "id");
            }

            Label y = anomaly ? request.Feedback : request.Y;
            if (Learner.Check(host.Replica, raw, y) is { } refusal)
            {
                WriteErrorLine(output, line, (ProblemKind)refusal.Problem!, refusal.Detail!, refusal.Field);
                return null;
            }

            return y;
        }
        catch (ClientErrorException e)
        {
            WriteErrorLine(output, line, e.Kind, e.Message, e.Field);
            return null;
        }
    }

    private static async ValueTask SendAsync(BatchRecords.Encoder encoder, ModelHost host, Queue<LoggedBatch> inFlight, PipeWriter output)
    {
        if (encoder.Take() is not { } batch)
        {
            return;
        }

        if (inFlight.Count >= MaxBatchesInFlight)
        {
            await AnswerAsync(inFlight.Dequeue(), output);
        }

        _ = host.LogBatchAsync(batch);
        inFlight.Enqueue(batch);
    }

    /// <summary>Answers the batches at the head that are logged (all of them, waiting, when <paramref name="wait"/>).</summary>
    private static async ValueTask AnswerDoneAsync(Queue<LoggedBatch> inFlight, PipeWriter output, bool wait)
    {
        while (inFlight.TryPeek(out LoggedBatch? batch) && (wait || batch.Logged.Task.IsCompleted))
        {
            await AnswerAsync(inFlight.Dequeue(), output);
        }
    }

    /// <summary>Answers the logged batches at the head without waiting; whether it wrote anything.</summary>
    private static bool AnswerDone(Queue<LoggedBatch> inFlight, PipeWriter output)
    {
        bool any = false;
        while (inFlight.TryPeek(out LoggedBatch? batch) && batch.Logged.Task.IsCompleted)
        {
            Answer(inFlight.Dequeue(), batch.Logged.Task.Result, output);
            any = true;
        }

        return any;
    }

    private static async ValueTask AnswerAsync(LoggedBatch batch, PipeWriter output) => Answer(batch, await batch.Logged.Task, output);

    private static void Answer(LoggedBatch batch, LearnOutcome outcome, PipeWriter output)
    {
        // The batch's lines and count are set before it is queued; the writer only releases its buffer.
        if (!outcome.Succeeded)
        {
            WriteErrorLine(output, batch.FirstLine, (ProblemKind)outcome.Problem!, outcome.Detail!, null, batch.LastLine);
            return;
        }

        Utf8JsonWriter writer = StreamEndpoint.Begin(output);
        writer.WriteStartObject();
        writer.WriteStartArray("lines"u8);
        writer.WriteNumberValue(batch.FirstLine);
        writer.WriteNumberValue(batch.LastLine);
        writer.WriteEndArray();
        writer.WriteNumber("accepted"u8, batch.Count);
        writer.WriteBoolean("logged"u8, true);
        writer.WriteEndObject();
        StreamEndpoint.End(output, writer);
    }

    private static void WriteErrorLine(PipeWriter output, long line, ProblemKind kind, string detail, string? field, long lastLine = 0)
    {
        Utf8JsonWriter writer = StreamEndpoint.Begin(output);
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
        StreamEndpoint.End(output, writer);
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line) => StreamEndpoint.TryTakeLine(ref buffer, out line);

    private static bool TakeRest(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line) => StreamEndpoint.TakeRest(ref buffer, out line);

    private static bool IsBlank(ReadOnlySequence<byte> text) => StreamEndpoint.IsBlank(text);
}
