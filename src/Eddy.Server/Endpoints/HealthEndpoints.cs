using Eddy.Server.Hosting;
using Eddy.Server.Http;

namespace Eddy.Server.Endpoints;

/// <summary>Liveness (<c>/healthz</c>: the process answers) and readiness (<c>/readyz</c>: models are loaded).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new HealthReport("ok", null)))
            .WithTags("Operations").WithSummary("Liveness: the server process answers.");
        routes.MapGet("/readyz", (ModelRegistry registry, ServerSettings settings) =>
            {
                if (registry.ScaleOut is { } scaleOut)
                {
                    string? reason = scaleOut.NotReadyReason;
                    var scaled = new HealthReport(reason is null ? "ready" : "not-ready", registry.Models.Count)
                    {
                        Reason = reason,
                        Backend = scaleOut.Description,
                        Replicas = Replicas(registry),
                        Training = scaleOut.Training,
                    };
                    return reason is null ? Results.Ok(scaled) : Results.Json(scaled, statusCode: StatusCodes.Status503ServiceUnavailable);
                }

                bool ready = string.IsNullOrEmpty(settings.DefaultModel) || registry.TryGet(settings.DefaultModel, out _);
                var report = new HealthReport(ready ? "ready" : "starting", registry.Models.Count);
                return ready ? Results.Ok(report) : Results.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("Operations").WithSummary("Readiness: the configured models are loaded and serving.");
        return routes;
    }

    private static SortedDictionary<string, ReplicaReport> Replicas(ModelRegistry registry)
    {
        var replicas = new SortedDictionary<string, ReplicaReport>(StringComparer.Ordinal);
        foreach (ModelHost host in registry.Models)
        {
            Replica replica = host.Replica;
            replicas[host.Name] = new ReplicaReport(replica.Version, replica.Offset, replica.Sequence, host.BehindExamples, Math.Round(host.BehindMs, 1));
        }

        return replicas;
    }

    internal sealed record HealthReport(string Status, int? Models)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? Reason { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? Backend { get; init; }

        /// <summary>Scale-out: per model, the replica's version and position and how far behind the stream it is.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public SortedDictionary<string, ReplicaReport>? Replicas { get; init; }

        /// <summary>Scale-out trainer: per model, whether this process is its writer, its last version and applied position.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyDictionary<string, Eddy.Server.ScaleOut.TrainingStatus>? Training { get; init; }
    }

    internal sealed record ReplicaReport(long Version, long Offset, long Sequence, long BehindExamples, double BehindMs);
}
