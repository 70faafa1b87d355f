using System.Text.Json;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Monitoring;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>Watching a model learn: its event stream (server-sent events) and its learning curve.</summary>
internal static class EventEndpoints
{
    private static readonly TimeSpan s_keepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder models = routes.MapGroup("/v1/models").WithTags("Monitoring");
        models.MapGet("/{name}/events", StreamAsync)
            .WithSummary("Server-sent events: learn progress (sequence and metrics), snapshots, publication changes, storage failures.");
        models.MapGet("/{name}/history", HistoryAsync)
            .WithSummary("The learning curve since the server started (bounded, evenly thinned) and the recent model events.");
        models.MapGet("/{name}/features/drift", FeatureDriftAsync)
            .WithSummary("The features monitor: per watched feature, values seen, detector drifts, last PSI, reference and recent means.");
        return routes;
    }

    private static async Task StreamAsync(HttpContext context, string name, ModelRegistry registry, IHostApplicationLifetime lifetime)
    {
        if (!registry.TryGet(name, out ModelHost? host))
        {
            await JsonResponse.ProblemAsync(context, ProblemKind.ModelNotFound, $"There is no model named '{name}'.");
            return;
        }

        using ModelEvents.Subscription subscription = host.Monitor.Events.Subscribe();
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        HttpResponse response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        // Where the model stands now, so a new subscriber can draw at once.
        Replica replica = host.Replica;
        await WriteAsync(response, host.Monitor.Progress(new CurvePoint(replica.Sequence, replica.PublishedAt, replica.MetricValues)), ending.Token);
        await response.Body.FlushAsync(ending.Token);
        try
        {
            while (true)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ending.Token);
                wait.CancelAfter(s_keepAlive);
                bool more;
                try
                {
                    more = await subscription.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!ending.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", ending.Token);
                    await response.Body.FlushAsync(ending.Token);
                    continue;
                }

                if (!more)
                {
                    return;
                }

                while (subscription.Reader.TryRead(out ModelEvent? modelEvent))
                {
                    await WriteAsync(response, modelEvent, ending.Token);
                }

                await response.Body.FlushAsync(ending.Token);
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // The client left or the server is stopping.
        }
    }

    private static async Task WriteAsync(HttpResponse response, ModelEvent modelEvent, CancellationToken cancellation)
    {
        await response.WriteAsync($"event: {modelEvent.Type}\nid: {modelEvent.Sequence}\ndata: ", cancellation);
        await response.Body.WriteAsync(modelEvent.Data, cancellation);
        await response.WriteAsync("\n\n", cancellation);
    }

    private static async Task HistoryAsync(HttpContext context, string name, ModelRegistry registry)
    {
        if (!registry.TryGet(name, out ModelHost? host))
        {
            await JsonResponse.ProblemAsync(context, ProblemKind.ModelNotFound, $"There is no model named '{name}'.");
            return;
        }

        ModelMonitor monitor = host.Monitor;
        CurvePoint[] points = monitor.History.Points();
        ModelEvent[] events = monitor.Events.Recent();
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("model"u8, host.Name);
        writer.WriteNumber("sequence"u8, host.Replica.Sequence);
        writer.WriteNumber("stride"u8, monitor.History.Stride);
        writer.WriteStartArray("points"u8);
        foreach (CurvePoint point in points)
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence"u8, point.Sequence);
            writer.WriteString("time"u8, point.Time);
            monitor.WriteMetrics(writer, point.MetricValues);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("events"u8);
        foreach (ModelEvent modelEvent in events)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, modelEvent.Type);
            writer.WritePropertyName("data"u8);
            writer.WriteRawValue(modelEvent.Data, skipInputValidation: true);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync();
    }

    /// <summary>
    /// The features monitor as of the last publication (the writer's figures; null numbers are not computed yet).
    /// A model without one answers <c>"monitored": false</c> and no features.
    /// </summary>
    private static async Task FeatureDriftAsync(HttpContext context, string name, ModelRegistry registry)
    {
        if (!registry.TryGet(name, out ModelHost? host))
        {
            await JsonResponse.ProblemAsync(context, ProblemKind.ModelNotFound, $"There is no model named '{name}'.");
            return;
        }

        FeatureReport? report = host.Monitor.Features;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("model"u8, host.Name);
        writer.WriteBoolean("monitored"u8, host.Definition.Watch?.Features is not null);
        writer.WriteNumber("sequence"u8, report?.Sequence ?? 0);
        writer.WriteStartArray("features"u8);
        foreach (FeatureDrift feature in report?.Features ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, feature.Name);
            writer.WriteNumber("count"u8, feature.Count);
            writer.WriteNumber("drifts"u8, feature.Drifts);
            WriteNumberOrNull(writer, "psi"u8, feature.Psi);
            WriteNumberOrNull(writer, "referenceMean"u8, feature.ReferenceMean);
            WriteNumberOrNull(writer, "recentMean"u8, feature.RecentMean);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
