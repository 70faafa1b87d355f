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
    // Closed with room left for one more line, so a batch rarely grows past its pooled buffer.
    private const int BatchBytes = LoggedBatch.BufferBytes - (16 << 10);
    private const int MaxBatchesInFlight = 16;

    public static async Task StreamAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-ndjson";
        PipeReader input = context.Request.BodyReader;
        PipeWriter output = context.Response.BodyWriter;
        var inFlight = new Queue<LoggedBatch>();
        var session = new Session(host, settings, output);
        bool stop = false;
        while (!stop)
        {
            if (!input.TryRead(out ReadResult read))
            {
                // Nothing more buffered: send what is batched rather than wait for the client.
                await SendAsync(session.Encoder, host, inFlight, output);
                AnswerDone(inFlight, output);
                await output.FlushAsync(context.RequestAborted);
                read = await input.ReadAsync(context.RequestAborted);
            }
            else if (AnswerDone(inFlight, output))
            {
                await output.FlushAsync(context.RequestAborted);
            }

            ReadOnlySequence<byte> buffer = read.Buffer;
            while (true)
            {
                // Whole lines inside the first segment go straight from its memory; a line across segments (or the
                // unterminated rest at the end) goes through the sequence.
                int consumed = session.TakeLines(buffer.First);
                buffer = buffer.Slice(consumed);
                if (!session.Full && (StreamEndpoint.TryTakeLine(ref buffer, out ReadOnlySequence<byte> text) || (read.IsCompleted && StreamEndpoint.TakeRest(ref buffer, out text))))
                {
                    session.Take(text);
                }
                else if (!session.Full)
                {
                    break;
                }

                if (session.Full)
                {
                    await SendAsync(session.Encoder, host, inFlight, output);
                }
            }

            if (buffer.Length > settings.MaxBodyBytes)
            {
                input.AdvanceTo(buffer.End);
                StreamEndpoint.WriteErrorLine(output, session.Line + 1, ProblemKind.BodyTooLarge, $"The line is over the limit of {settings.MaxBodyBytes} bytes; the stream stops.", null);
                break;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            stop = read.IsCompleted;
        }

        await SendAsync(session.Encoder, host, inFlight, output);
        await AnswerAllAsync(inFlight, output);
        await output.FlushAsync(context.RequestAborted);
    }

    /// <summary>One request's lines into batches: the fast path for common lines, the general parser for the rest.</summary>
    private sealed class Session(ModelHost host, ServerSettings settings, PipeWriter output)
    {
        private readonly RawExample _raw = new();
        private readonly Range[] _names = new Range[LearnLineReader.MaxFeatures];
        private readonly double[] _values = new double[LearnLineReader.MaxFeatures];
        private readonly bool _anomaly = host.Definition.IsAnomaly;

        public BatchRecords.Encoder Encoder { get; } = new(host.Name);

        public long Line { get; private set; }

        /// <summary>The batch being built is full: send it before taking more lines.</summary>
        public bool Full => Encoder.Count >= BatchExamples || Encoder.Length >= BatchBytes;

        /// <summary>Takes the complete lines at the start of <paramref name="memory"/> until the batch is full; the bytes used.</summary>
        public int TakeLines(ReadOnlyMemory<byte> memory)
        {
            int consumed = 0;
            while (!Full)
            {
                int end = memory.Span[consumed..].IndexOf((byte)'\n');
                if (end < 0)
                {
                    break;
                }

                Take(memory.Slice(consumed, end));
                consumed += end + 1;
            }

            return consumed;
        }

        public void Take(ReadOnlySequence<byte> text)
        {
            if (text.IsSingleSegment)
            {
                Take(text.First);
                return;
            }

            Line++;
            TakeGeneral(text);
        }

        private void Take(ReadOnlyMemory<byte> text)
        {
            Line++;
            ReadOnlySpan<byte> span = text.Span;
            if (!_anomaly && span.Length <= settings.MaxBodyBytes
                && LearnLineReader.TryRead(span, _names, _values, out int count, out Label y) && Learner.AcceptsLabel(host.Replica, y))
            {
                Encoder.AddUtf8(span, _names.AsSpan(0, count), _values.AsSpan(0, count), y, Line);
                return;
            }

            TakeGeneral(new ReadOnlySequence<byte>(text));
        }

        private void TakeGeneral(ReadOnlySequence<byte> text)
        {
            if (text.Length > settings.MaxBodyBytes)
            {
                StreamEndpoint.WriteErrorLine(output, Line, ProblemKind.BodyTooLarge, $"The line is over the limit of {settings.MaxBodyBytes} bytes.", null);
                return;
            }

            if (!StreamEndpoint.IsBlank(text) && Accept(text, Line, host, settings, _raw, _anomaly, output) is { } y)
            {
                Encoder.Add(_raw, y, Line);
            }
        }
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

            if (request.HasFeedback && host.Definition.IsSupervisedAnomaly)
            {
                throw new ClientErrorException(ProblemKind.InvalidRequest, "With ack=logged a line is {\"x\", \"y\"}; send feedback labels on the default stream or learn_many.", "label");
            }

            Learning.Validate(request, anomaly);
            if (request.Id is not null)
            {
                throw new ClientErrorException(ProblemKind.InvalidRequest, "With ack=logged a line carries its features; learn pending predictions by id on the other routes.", "id");
            }

            Label y = anomaly ? request.Feedback : request.Y;
            if (Learner.Check(host.Replica, raw, y) is { } refusal)
            {
                StreamEndpoint.WriteErrorLine(output, line, (ProblemKind)refusal.Problem!, refusal.Detail!, refusal.Field);
                return null;
            }

            return y;
        }
        catch (ClientErrorException e)
        {
            StreamEndpoint.WriteErrorLine(output, line, e.Kind, e.Message, e.Field);
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

    /// <summary>Answers every batch in flight, in order, waiting for each to be logged.</summary>
    private static async ValueTask AnswerAllAsync(Queue<LoggedBatch> inFlight, PipeWriter output)
    {
        while (inFlight.TryDequeue(out LoggedBatch? batch))
        {
            await AnswerAsync(batch, output);
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
            StreamEndpoint.WriteErrorLine(output, batch.FirstLine, (ProblemKind)outcome.Problem!, outcome.Detail!, null, batch.LastLine);
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
}
