using System.Globalization;
using System.Text.Json;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// The seed application's routes on the default model: <c>POST /predict</c> and <c>PUT /update_model</c>, with its
/// semantics (update: predict_proba → learn → update the metric → publish; answer with the metric), in JSON.
/// </summary>
internal static class SeedEndpoints
{
    public static IEndpointRouteBuilder MapSeed(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/predict", PredictAsync)
            .WithTags("Seed")
            .WithSummary("Predict with the default model (the seed application's route).");
        routes.MapPut("/update_model", UpdateAsync)
            .WithTags("Seed")
            .WithSummary("Learn one labelled example on the default model and answer with its metric (the seed's route).");
        return routes;
    }

    private static Task PredictAsync(HttpContext context, ModelRegistry registry, ServerSettings settings) =>
        registry.TryGet(settings.DefaultModel, out ModelHost? host)
            ? Predictions.HandleAsync(context, host, settings)
            : NoDefaultModelAsync(context, settings);

    private static async Task UpdateAsync(HttpContext context, ModelRegistry registry, ServerSettings settings)
    {
        if (!registry.TryGet(settings.DefaultModel, out ModelHost? host))
        {
            await NoDefaultModelAsync(context, settings);
            return;
        }

        LearnOutcome outcome;
        try
        {
            outcome = await Learning.LearnAsync(context, host, settings);
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

        // River prints the metric as "ROCAUC: 95.07%"; the seed answered that string. Eddy answers JSON with it inside.
        Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
        writer.WriteStartObject();
        writer.WriteNumber("sequence"u8, outcome.Sequence);
        if (host.Definition.MetricPrototypes.Count > 0)
        {
            Eddy.Metrics.Metric metric = host.Definition.MetricPrototypes[0];
            writer.WriteString("metric"u8, metric.Name);
            if (double.IsFinite(outcome.Metric))
            {
                writer.WriteNumber("value"u8, outcome.Metric + 0.0);
                string shown = metric.IsPercentage
                    ? (outcome.Metric * 100).ToString("F2", CultureInfo.InvariantCulture) + "%"
                    : outcome.Metric.ToString("F6", CultureInfo.InvariantCulture);
                writer.WriteString("display"u8, $"{metric.Name}: {shown}");
            }
            else
            {
                writer.WriteNull("value"u8);
            }
        }

        writer.WriteEndObject();
        await JsonResponse.EndAsync(context.Response, writer);
    }

    private static Task NoDefaultModelAsync(HttpContext context, ServerSettings settings) =>
        JsonResponse.ProblemAsync(context, ProblemKind.ModelNotFound, $"The default model '{settings.DefaultModel}' does not exist (deleted, or disabled by configuration).").AsTask();
}
