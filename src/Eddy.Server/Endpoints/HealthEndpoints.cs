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
                bool ready = string.IsNullOrEmpty(settings.DefaultModel) || registry.TryGet(settings.DefaultModel, out _);
                var report = new HealthReport(ready ? "ready" : "starting", registry.Models.Count);
                return ready ? Results.Ok(report) : Results.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("Operations").WithSummary("Readiness: the configured models are loaded and serving.");
        return routes;
    }

    internal sealed record HealthReport(string Status, int? Models);
}
