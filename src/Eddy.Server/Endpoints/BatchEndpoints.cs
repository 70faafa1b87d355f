using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Eddy.Base;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Json;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// Batches: <c>predict_many</c> and <c>learn_many</c> take a JSON array of example objects. The whole body is checked
/// first, so a malformed batch changes nothing; then predictions all read one replica, and learns are queued in order.
/// An item the model refuses gets an error object in its place; the others go through.
/// </summary>
internal static class BatchEndpoints
{
    public const int MaxItems = 10_000;

    public static IEndpointRouteBuilder MapBatches(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder models = routes.MapGroup("/v1/models");
        models.MapPost("/{name}/predict_many", (HttpContext context, string name, ModelRegistry registry, ServerSettings settings) =>
                ModelEndpoints.WithModelAsync(context, name, registry, settings, PredictManyAsync))
            .WithTags("Predict").WithSummary("Predict a JSON array of {x} (or {x, id}) objects, all from one replica.");
        models.MapPost("/{name}/learn_many", (HttpContext context, string name, ModelRegistry registry, ServerSettings settings) =>
                ModelEndpoints.WithModelAsync(context, name, registry, settings, LearnManyAsync))
            .WithTags("Learn").WithSummary("Learn a JSON array of {x, y} or {id, y} objects, in order.");
        return routes;
    }

    private static async Task PredictManyAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        ReadOnlySequence<byte> body;
        try
        {
            await Predictions.AwaitPositionAsync(context, host, settings);
            body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        }
        catch (ClientErrorException e)
        {
            await JsonResponse.ProblemAsync(context, e);
            return;
        }

        if (host.IsRemote)
        {
            Predictions.WriteStaleness(context.Response, host);
        }

        try
        {
            CheckItems(body, settings, learn: false, anomaly: false);
            Replica replica = host.Replica;
            Predictions.WriteVersion(context.Response, replica);
            Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
            writer.WriteStartObject();
            writer.WriteString("model"u8, host.Name);
            writer.WriteNumber("sequence"u8, replica.Sequence);
            writer.WriteNumber("version"u8, replica.Revision);
            writer.WriteStartArray("predictions"u8);
            var reader = new Utf8JsonReader(body, ExampleParser.Options(settings.MaxJsonDepth));
            ExampleParser.Read(ref reader);
            int index = 0;
            while (ExampleParser.Read(ref reader) != JsonTokenType.EndArray)
            {
                string path = Path(index++);
                FeatureVector x = Predictions.Vector(replica);
                ExampleRequest request = ExampleParser.ReadExample(ref reader, new VectorSink(x), path);
                writer.WriteStartObject();
                try
                {
                    Predictions.Prediction prediction = Predictions.Predict(host, replica, x, request, path);
                    Predictions.WriteFields(writer, prediction, request.Id, replica.Output);
                }
                catch (ClientErrorException e)
                {
                    WriteError(writer, e.Kind, e.Message, e.Field);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
        }
        catch (ClientErrorException e)
        {
            RequestBody.Release(context.Request, body);
            await JsonResponse.ProblemAsync(context, e);
            return;
        }

        RequestBody.Release(context.Request, body);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static async Task LearnManyAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        var works = new List<LearnWork>();
        try
        {
            ReadOnlySequence<byte> body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
            try
            {
                ReadWorks(body, settings, works, host.Definition.IsAnomaly, host.Definition.IsSupervisedAnomaly);
            }
            finally
            {
                RequestBody.Release(context.Request, body);
            }
        }
        catch (ClientErrorException e)
        {
            foreach (LearnWork work in works)
            {
                ReturnFeatures(work);
            }

            await JsonResponse.ProblemAsync(context, e);
            return;
        }

        var outcomes = new Task<LearnOutcome>[works.Count];
        for (int i = 0; i < works.Count; i++)
        {
            outcomes[i] = host.LearnAsync(works[i]);
        }

        await Task.WhenAll(outcomes);
        Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
        writer.WriteStartObject();
        writer.WriteString("model"u8, host.Name);
        writer.WriteStartArray("results"u8);
        for (int i = 0; i < works.Count; i++)
        {
            LearnOutcome outcome = outcomes[i].Result;
            writer.WriteStartObject();
            if (outcome.Succeeded)
            {
                writer.WriteNumber("sequence"u8, outcome.Sequence);
                writer.WriteBoolean("replayed"u8, outcome.Status == LearnStatus.Replayed);
                Learning.WriteScore(writer, host, outcome);
            }
            else
            {
                ReturnFeatures(works[i]);
                WriteError(writer, outcome.Problem!, outcome.Detail!, outcome.Field is null ? null : Path(i) + outcome.Field);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await JsonResponse.EndAsync(context.Response, writer);
    }

    private static void ReadWorks(ReadOnlySequence<byte> body, ServerSettings settings, List<LearnWork> works, bool anomaly, bool supervisedAnomaly)
    {
        CheckItems(body, settings, learn: true, anomaly, supervisedAnomaly);
        var reader = new Utf8JsonReader(body, ExampleParser.Options(settings.MaxJsonDepth));
        ExampleParser.Read(ref reader);
        while (ExampleParser.Read(ref reader) != JsonTokenType.EndArray)
        {
            RawExample raw = RawExamplePool.Rent();
            ExampleRequest request = ExampleParser.ReadExample(ref reader, new RawSink(raw), Path(works.Count));
            LearnWork work = Learning.CreateWork(request, raw, idempotencyKey: null, anomaly, supervisedAnomaly);
            if (work.Features is null)
            {
                RawExamplePool.Return(raw);
            }

            works.Add(work);
        }
    }

    /// <summary>Validates the whole array (JSON, shapes, features, presence of x/y) before anything happens.</summary>
    private static void CheckItems(ReadOnlySequence<byte> body, ServerSettings settings, bool learn, bool anomaly, bool supervisedAnomaly = false)
    {
        var reader = new Utf8JsonReader(body, ExampleParser.Options(settings.MaxJsonDepth));
        try
        {
            if (ExampleParser.Read(ref reader) != JsonTokenType.StartArray)
            {
                throw new ClientErrorException(ProblemKind.InvalidRequest, "The body must be a JSON array of example objects.");
            }

            int count = 0;
            while (ExampleParser.Read(ref reader) != JsonTokenType.EndArray)
            {
                string path = Path(count);
                ExampleRequest request = ExampleParser.ReadExample(ref reader, default(NullSink), path);
                if (learn && supervisedAnomaly)
                {
                    Learning.ValidateSupervisedAnomaly(request);
                }
                else if (learn)
                {
                    Learning.Validate(request, anomaly);
                }
                else if (request.HasY || request.HasFeedback)
                {
                    throw new ClientErrorException(ProblemKind.InvalidRequest, "A prediction takes no label.", path + (request.HasY ? "y" : "label"));
                }

                if (++count > MaxItems)
                {
                    throw new ClientErrorException(ProblemKind.InvalidRequest, $"A batch holds at most {MaxItems} items.");
                }
            }

            if (reader.Read())
            {
                throw new ClientErrorException(ProblemKind.MalformedJson, "The body holds more than one JSON value.");
            }
        }
        catch (JsonException e)
        {
            throw ExampleParser.Malformed(e);
        }
    }

    internal static void WriteError(Utf8JsonWriter writer, ProblemKind kind, string detail, string? field)
    {
        writer.WriteStartObject("error"u8);
        writer.WriteString("type"u8, kind.Type);
        writer.WriteString("title"u8, kind.Title);
        writer.WriteNumber("status"u8, kind.Status);
        writer.WriteString("detail"u8, detail);
        if (field is not null)
        {
            writer.WriteString("field"u8, field);
        }

        writer.WriteEndObject();
    }

    private static void ReturnFeatures(LearnWork work)
    {
        if (work.Features is { } features)
        {
            RawExamplePool.Return(features);
        }
    }

    private static string Path(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "].";
}
