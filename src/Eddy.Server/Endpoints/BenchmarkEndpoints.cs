using System.Buffers;
using Eddy.Base;
using Eddy.Server.Http;
using Eddy.Server.Json;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// Routes for load benchmarks only, mapped when <c>Eddy:BenchmarkRoutes</c> is true: a bare endpoint that reads and
/// parses the same JSON as <c>/predict</c> and answers a constant (the baseline <c>/predict</c> is compared with),
/// the process's allocation counter (bytes allocated per request = its difference over a run ÷ requests), and a
/// sampled profile of the types allocated (<c>POST</c> starts it afresh, <c>GET</c> reads it).
/// </summary>
internal static class BenchmarkEndpoints
{
    [ThreadStatic]
    private static FeatureVector? s_vector;

    public static IEndpointRouteBuilder MapBenchmarks(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/_bench/bare", BareAsync).ExcludeFromDescription();
        routes.MapGet("/_bench/allocated", () => TypedResults.Ok(new Allocation(
                GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds)))
            .ExcludeFromDescription();
        var sampler = new Lazy<AllocationSampler>(() => new AllocationSampler());
        routes.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() =>
        {
            if (sampler.IsValueCreated)
            {
                sampler.Value.Dispose();
            }
        });
        routes.MapPost("/_bench/allocation-sample", () =>
            {
                sampler.Value.Restart();
                return TypedResults.NoContent();
            })
            .ExcludeFromDescription();
        routes.MapGet("/_bench/allocation-sample", () => sampler.IsValueCreated
                ? Results.Ok(sampler.Value.Read())
                : Results.NotFound())
            .ExcludeFromDescription();
        return routes;
    }

    private static async Task BareAsync(HttpContext context, ServerSettings settings)
    {
        ReadOnlySequence<byte> body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        }
        catch (ClientErrorException e)
        {
            await JsonResponse.ProblemAsync(context, e);
            return;
        }

        try
        {
            // Names are interned once per thread, so from then on this parses exactly as /predict does.
            FeatureVector x = s_vector ??= new FeatureVector(new FeatureSchema());
            x.Reset(x.Schema, interning: true);
            ExampleParser.ParseBody(body, new VectorSink(x), settings.MaxJsonDepth);
        }
        catch (ClientErrorException e)
        {
            RequestBody.Release(context.Request, body);
            await JsonResponse.ProblemAsync(context, e);
            return;
        }

        RequestBody.Release(context.Request, body);
        System.Text.Json.Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
        writer.WriteStartObject();
        writer.WriteBoolean("prediction"u8, true);
        writer.WriteEndObject();
        await JsonResponse.EndAsync(context.Response, writer);
    }

    internal sealed record Allocation(long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections, double GcPauseMilliseconds);
}
