using System.Buffers;
using System.Text.Json;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Json;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// The write path: parse and validate on the request thread into a pooled raw example, queue it to the model's single
/// writer, answer when the writer has applied (and published) it, with the sequence number it got.
/// </summary>
internal static class Learning
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Parses a learn body and queues it; returns the outcome, or throws <see cref="ClientErrorException"/>.</summary>
    public static async Task<LearnOutcome> LearnAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        string? key = IdempotencyKey(context.Request);
        ReadOnlySequence<byte> body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        RawExample raw = RawExamplePool.Rent();
        LearnWork work;
        try
        {
            ExampleRequest request = ExampleParser.ParseBody(body, new RawSink(raw), settings.MaxJsonDepth);
            work = CreateWork(request, raw, key, host.Definition.IsAnomaly, host.Definition.IsSupervisedAnomaly);
        }
        catch
        {
            RawExamplePool.Return(raw);
            throw;
        }
        finally
        {
            RequestBody.Release(context.Request, body);
        }

        if (work.Features is null)
        {
            RawExamplePool.Return(raw);
        }

        LearnOutcome outcome = await host.LearnAsync(work);
        if (!outcome.Succeeded && work.Features is not null)
        {
            // Refused: the writer keeps no reference to the features.
            RawExamplePool.Return(work.Features);
        }

        return outcome;
    }

    /// <summary>
    /// The work for a validated learn. An anomaly model's work carries the optional feedback label where other models
    /// carry y (the log records it there too): it scores the metrics and is never learned from.
    /// </summary>
    public static LearnWork CreateWork(ExampleRequest request, RawExample raw, string? idempotencyKey, bool anomaly, bool supervisedAnomaly = false)
    {
        if (supervisedAnomaly)
        {
            ValidateSupervisedAnomaly(request);
            return new LearnWork(raw, request.Y, null, idempotencyKey) { Feedback = request.Feedback };
        }

        Validate(request, anomaly);
        if (anomaly)
        {
            return new LearnWork(raw, request.Feedback, null, idempotencyKey);
        }

        return request.Id is not null
            ? new LearnWork(null, request.Y, request.Id, idempotencyKey)
            : new LearnWork(raw, request.Y, null, idempotencyKey);
    }

    /// <summary>
    /// Throws unless the request is a learn: a label, and either features or a pending id; for an anomaly model,
    /// features without a label (and optionally the feedback "label").
    /// </summary>
    public static void Validate(ExampleRequest request, bool anomaly)
    {
        if (anomaly)
        {
            ValidateAnomaly(request);
            return;
        }

        if (request.HasFeedback)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "\"label\" is feedback for anomaly models; this model learns its label from \"y\".", "label");
        }

        if (!request.HasY)
        {
            throw new ClientErrorException(ProblemKind.InvalidLabel, "The label \"y\" is missing.", "y");
        }

        if (request.Id is not null)
        {
            if (request.HasX)
            {
                throw new ClientErrorException(ProblemKind.InvalidRequest, "Send either \"x\" with \"y\", or the \"id\" of a pending prediction with \"y\", not both.", "id");
            }
        }
        else if (!request.HasX)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "The features \"x\" are missing (or give the \"id\" of a pending prediction).", "x");
        }
    }

    /// <summary>A supervised anomaly model learns <c>{"x", "y"}</c> (y its numeric target), optionally with the feedback "label".</summary>
    public static void ValidateSupervisedAnomaly(ExampleRequest request)
    {
        if (request.Id is not null)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "An anomaly model keeps no pending predictions; send the features \"x\" with the target \"y\".", "id");
        }

        if (!request.HasX)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "The features \"x\" are missing.", "x");
        }

        if (!request.HasY)
        {
            throw new ClientErrorException(ProblemKind.InvalidLabel, "The target \"y\" is missing: a supervised anomaly model learns how anomalous y is given x.", "y");
        }
    }

    private static void ValidateAnomaly(ExampleRequest request)
    {
        if (request.HasY)
        {
            throw new ClientErrorException(
                ProblemKind.InvalidRequest,
                "An anomaly model learns without labels: send {\"x\"}, optionally with \"label\": true/false saying whether it was an anomaly (scored by the metrics, never learned).",
                "y");
        }

        if (request.Id is not null)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "An anomaly model keeps no pending predictions; send the features \"x\".", "id");
        }

        if (!request.HasX)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "The features \"x\" are missing.", "x");
        }
    }

    public static async Task HandleAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        LearnOutcome outcome;
        try
        {
            outcome = await LearnAsync(context, host, settings);
        }
        catch (ClientErrorException e)
        {
            await JsonResponse.ProblemAsync(context, e);
            return;
        }

        if (!outcome.Succeeded)
        {
            await JsonResponse.ProblemAsync(context, outcome.Problem!, outcome.Detail!, outcome.Field);
            return;
        }

        Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
        writer.WriteStartObject();
        writer.WriteString("model"u8, host.Name);
        writer.WriteNumber("sequence"u8, outcome.Sequence);
        writer.WriteBoolean("replayed"u8, outcome.Status == LearnStatus.Replayed);
        WriteScore(writer, host, outcome);
        WriteMetric(writer, host, outcome);
        writer.WriteEndObject();
        await JsonResponse.EndAsync(context.Response, writer);
    }

    /// <summary>An anomaly model's score of the example before it was learned: <c>"score": 0.12</c>.</summary>
    public static void WriteScore(Utf8JsonWriter writer, ModelHost host, LearnOutcome outcome)
    {
        if (!host.Definition.IsAnomaly && !host.Definition.IsSupervisedAnomaly)
        {
            return;
        }

        if (double.IsFinite(outcome.Score))
        {
            writer.WriteNumber("score"u8, outcome.Score);
        }
        else
        {
            writer.WriteNull("score"u8);
        }
    }

    /// <summary>The model's first metric right after this learn: <c>"metric": {"name": "ROCAUC", "value": 0.95}</c>.</summary>
    public static void WriteMetric(Utf8JsonWriter writer, ModelHost host, LearnOutcome outcome)
    {
        if (host.Definition.MetricPrototypes.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("metric"u8);
        writer.WriteString("name"u8, host.Definition.MetricPrototypes[0].Name);
        if (double.IsFinite(outcome.Metric))
        {
            // + 0.0 turns a metric's negative zero (ROCAUC of one example) into 0 on the wire.
            writer.WriteNumber("value"u8, outcome.Metric + 0.0);
        }
        else
        {
            writer.WriteNull("value"u8);
        }

        writer.WriteEndObject();
    }

    private static string? IdempotencyKey(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(IdempotencyHeader, out var values))
        {
            return null;
        }

        string? key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > 256)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, $"The {IdempotencyHeader} header must be one value of 1 to 256 characters.", IdempotencyHeader);
        }

        return key;
    }
}
