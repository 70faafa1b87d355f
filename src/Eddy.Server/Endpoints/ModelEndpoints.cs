using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Eddy.Base;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Json;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>The v1 resources: <c>/v1/models</c> and, per model, predict, learn and metrics.</summary>
internal static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder models = routes.MapGroup("/v1/models").WithTags("Models");
        models.MapGet("/", List).WithSummary("List the models.");
        models.MapPost("/", CreateAsync).WithSummary("Create a model from a spec: JSON pipeline or River's expression form (admin).");
        models.MapGet("/{name}", Get).WithSummary("A model: spec, kind, counters, sequence, metrics.");
        models.MapPut("/{name}/publication", ReconfigureAsync).WithSummary("Change the publication policy: {\"every\": N}, {\"everyMs\": T} or {} (admin).");
        models.MapDelete("/{name}", DeleteAsync).WithSummary("Delete a model (admin).");
        models.MapGet("/{name}/metrics", GetMetrics).WithSummary("Live progressive metrics, global and over the rolling window.");
        models.MapPost("/{name}/predict", (HttpContext context, string name, ModelRegistry registry, ServerSettings settings) =>
                WithModelAsync(context, name, registry, settings, Predictions.HandleAsync))
            .WithTags("Predict").WithSummary("Predict from the published replica; with an id, keep it pending for its label.");
        models.MapPost("/{name}/learn", (HttpContext context, string name, ModelRegistry registry, ServerSettings settings) =>
                WithModelAsync(context, name, registry, settings, Learning.HandleAsync))
            .WithTags("Learn").WithSummary("Learn {x, y}, or {id, y} for a pending prediction; anomaly models {x} (or {x, label}) and answer the score. Idempotency-Key makes retries safe.");
        models.MapPost("/{name}/score", (HttpContext context, string name, ModelRegistry registry, ServerSettings settings) =>
                WithModelAsync(context, name, registry, settings, Predictions.ScoreAsync))
            .WithTags("Predict").WithSummary("An anomaly model's score of {x}, from the published replica; changes nothing.");
        return routes;
    }

    /// <summary>
    /// Routes a per-model request to <paramref name="handler"/>, a static method (no closure is allocated per request),
    /// or answers 404.
    /// </summary>
    internal static Task WithModelAsync(
        HttpContext context, string name, ModelRegistry registry, ServerSettings settings, Func<HttpContext, ModelHost, ServerSettings, Task> handler) =>
        registry.TryGet(name, out ModelHost? host)
            ? handler(context, host, settings)
            : JsonResponse.ProblemAsync(context, ProblemKind.ModelNotFound, $"There is no model named '{name}'.").AsTask();

    private static IResult List(ModelRegistry registry)
    {
        var summaries = new List<ModelSummary>();
        foreach (ModelHost host in registry.Models)
        {
            summaries.Add(Summarize(host));
        }

        summaries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return TypedResults.Ok(summaries);
    }

    private static IResult Get(string name, ModelRegistry registry) =>
        registry.TryGet(name, out ModelHost? host)
            ? TypedResults.Ok(Describe(host))
            : NotFound(name);

    private static IResult GetMetrics(string name, ModelRegistry registry) =>
        registry.TryGet(name, out ModelHost? host)
            ? TypedResults.Ok(Metrics(host.Replica, host.Definition))
            : NotFound(name);

    private static async Task<IResult> CreateAsync(HttpContext context, ModelRegistry registry, ModelFactory factory, ServerSettings settings, TimeProvider time)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        ModelDefinition definition;
        try
        {
            ReadOnlySequence<byte> body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
            JsonNode? node;
            try
            {
                var reader = new Utf8JsonReader(body, ExampleParser.Options(settings.MaxJsonDepth));
                node = JsonNode.Parse(ref reader);
            }
            catch (JsonException e)
            {
                throw ExampleParser.Malformed(e);
            }
            finally
            {
                RequestBody.Release(context.Request, body);
            }

            definition = factory.FromRequest(node as JsonObject
                ?? throw new ClientErrorException(ProblemKind.InvalidSpec, "The body is a JSON object: {\"name\", \"pipeline\" or \"model\", \"metrics\"}."))
                with { CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds() };
        }
        catch (ClientErrorException e)
        {
            return Problem(e.Kind, e.Message, e.Field);
        }

        ModelHost? host = await registry.CreateAsync(definition);
        if (host is null)
        {
            return Problem(ProblemKind.ModelExists, $"A model named '{definition.Name}' already exists; delete it first or pick another name.", "name");
        }

        return TypedResults.Created($"/v1/models/{host.Name}", Describe(host));
    }

    private static async Task<IResult> ReconfigureAsync(HttpContext context, string name, ModelRegistry registry, ServerSettings settings)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        PublicationPolicy publication;
        try
        {
            ReadOnlySequence<byte> body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
            try
            {
                var reader = new Utf8JsonReader(body, ExampleParser.Options(settings.MaxJsonDepth));
                JsonNode? node = JsonNode.Parse(ref reader);
                publication = ModelFactory.ReadPublication(node is JsonObject { Count: 0 } ? null : node);
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
        catch (ClientErrorException e)
        {
            return Problem(e.Kind, e.Message, e.Field);
        }

        ModelHost? host = await registry.ReconfigureAsync(name, publication);
        return host is null ? NotFound(name) : TypedResults.Ok(Describe(host));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string name, ModelRegistry registry, ServerSettings settings)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        return await registry.DeleteAsync(name) ? TypedResults.NoContent() : NotFound(name);
    }

    internal static ModelSummary Summarize(ModelHost host)
    {
        Replica replica = host.Replica;
        return new ModelSummary(host.Name, Kind(replica.Model), host.Sequence, replica.Sequence);
    }

    internal static ModelDescription Describe(ModelHost host)
    {
        Replica replica = host.Replica;
        return new ModelDescription(
            host.Name,
            Kind(replica.Model),
            JsonDocument.Parse(host.Definition.Spec).RootElement,
            replica.Model.ToString(),
            host.Definition.Publication.ToString(),
            host.Definition.Watch is { } watch ? JsonDocument.Parse(watch.ToJson()).RootElement : null,
            host.Sequence,
            replica.Sequence,
            replica.PublishedAt,
            replica.Schema.Count,
            host.Pending.Waiting,
            StateChecksum(replica),
            Metrics(replica, host.Definition))
        {
            Output = host.Definition.Output is { } output ? JsonDocument.Parse(output.ToJson()).RootElement : null,
            Version = host.IsRemote ? replica.Version : null,
            Offset = host.IsRemote ? replica.Offset : null,
            Backlog = host.Backlog,
            ModelVersion = replica.Revision,
        };
    }

    internal static ModelMetrics Metrics(Replica replica, ModelDefinition definition)
    {
        int count = definition.MetricPrototypes.Count;
        var global = new Dictionary<string, double?>(StringComparer.Ordinal);
        var rolling = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string metric = definition.MetricPrototypes[i].Name;
            global[metric] = Finite(replica.MetricValues[i]);
            rolling[metric] = Finite(replica.MetricValues[count + i]);
        }

        return new ModelMetrics(replica.Sequence, global, definition.RollingWindow, rolling);
    }

    /// <summary>CRC-32C of the replica's saved state: equal checksums mean bit-identical models.</summary>
    internal static string StateChecksum(Replica replica) =>
        Eddy.Serialization.Crc32C.Compute(Eddy.Serialization.EstimatorSnapshot.Save(replica.Model, replica.Schema)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    private static string Kind(Estimator model) => model switch
    {
        Classifier => "classifier",
        Regressor => "regressor",
        AnomalyDetector => "anomaly",
        SupervisedAnomalyDetector => "supervised_anomaly",
        _ => "transformer",
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value + 0.0 : null;

    private static IResult NotFound(string name) => Problem(ProblemKind.ModelNotFound, $"There is no model named '{name}'.");

    internal static IResult Problem(ProblemKind kind, string detail, string? field = null) =>
        TypedResults.Problem(detail: detail, statusCode: kind.Status, title: kind.Title, type: kind.Type,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    internal sealed record ModelSummary(string Name, string Kind, long Sequence, long PublishedSequence);

    internal sealed record ModelDescription(
        string Name,
        string Kind,
        JsonElement Spec,
        string Model,
        string Publication,
        JsonElement? Watch,
        long Sequence,
        long PublishedSequence,
        DateTimeOffset PublishedAt,
        int Features,
        int PendingPredictions,
        string StateChecksum,
        ModelMetrics Metrics)
    {
        /// <summary>How answers are post-processed (labels, threshold, top classes; clip, round, unit), when set.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public JsonElement? Output { get; init; }

        /// <summary>Examples acknowledged by bulk requests (<c>stream?ack=logged</c>) and not yet learned.</summary>
        public long Backlog { get; init; }

        /// <summary>The model version answering (see <c>/versions</c>); <c>version</c> here is scale-out's published snapshot.</summary>
        public int ModelVersion { get; init; }

        /// <summary>Scale-out: the published version this server answers from.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public long? Version { get; init; }

        /// <summary>Scale-out: the stream position that version covers.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public long? Offset { get; init; }
    }

    internal sealed record ModelMetrics(long Sequence, IReadOnlyDictionary<string, double?> Global, int RollingWindow, IReadOnlyDictionary<string, double?> Rolling);
}
