using System.Text.Json;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Monitoring;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>Champion/challenger: the contenders as of the published replica, and manual promotion (an admin write).</summary>
internal static class ChallengerEndpoints
{
    public static IEndpointRouteBuilder MapChallengers(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder models = routes.MapGroup("/v1/models").WithTags("Monitoring");
        models.MapGet("/{name}/challengers", GetAsync)
            .WithSummary("The champion and each challenger: examples seen, rolling and global promotion metric, holdout score.");
        models.MapPost("/{name}/challengers/{challenger}/promote", PromoteAsync)
            .WithSummary("Make a challenger the champion now (admin); logged, so a restart repeats it at the same point of the stream.");
        return routes;
    }

    private static async Task GetAsync(HttpContext context, string name, ModelRegistry registry)
    {
        if (!registry.TryGet(name, out ModelHost? host))
        {
            await JsonResponse.ProblemAsync(context, ProblemKind.ModelNotFound, $"There is no model named '{name}'.");
            return;
        }

        Replica replica = host.Replica;
        Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
        writer.WriteStartObject();
        writer.WriteString("model"u8, host.Name);
        writer.WriteNumber("sequence"u8, replica.Sequence);
        if (replica.Challengers is { } report)
        {
            Write(writer, report);
        }
        else
        {
            writer.WriteNull("champion"u8);
            writer.WriteStartArray("challengers"u8);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        await JsonResponse.EndAsync(context.Response, writer);
    }

    private static void Write(Utf8JsonWriter writer, ChallengerReport report)
    {
        writer.WriteStartObject("promotion"u8);
        writer.WriteString("metric"u8, report.Metric);
        writer.WriteBoolean("biggerIsBetter"u8, report.BiggerIsBetter);
        writer.WriteNumber("window"u8, report.Window);
        writer.WriteNumber("margin"u8, report.Margin);
        writer.WriteNumber("min_examples"u8, report.MinExamples);
        writer.WriteEndObject();
        writer.WriteStartObject("holdout"u8);
        writer.WriteNumber("size"u8, report.HoldoutSize);
        writer.WriteNumber("held"u8, report.HoldoutHeld);
        writer.WriteEndObject();
        foreach (ContenderReport contender in report.Contenders)
        {
            if (contender.Champion)
            {
                writer.WritePropertyName("champion"u8);
                Write(writer, contender);
            }
        }

        writer.WriteStartArray("challengers"u8);
        foreach (ContenderReport contender in report.Contenders)
        {
            if (!contender.Champion)
            {
                Write(writer, contender);
            }
        }

        writer.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter writer, ContenderReport contender)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, contender.Name);
        writer.WriteBoolean("champion"u8, contender.Champion);
        writer.WriteNumber("startedAt"u8, contender.StartedAt);
        writer.WriteNumber("examples"u8, contender.Examples);
        writer.WriteNumber("skipped"u8, contender.Skipped);
        NumberOrNull(writer, "rolling"u8, contender.Rolling);
        NumberOrNull(writer, "global"u8, contender.Global);
        NumberOrNull(writer, "holdout"u8, contender.Holdout);
        writer.WriteEndObject();
    }

    private static async Task<IResult> PromoteAsync(HttpContext context, string name, string challenger, ModelRegistry registry, ServerSettings settings)
    {
        if (AdminKey.Check(context, settings) is { } denied)
        {
            return denied;
        }

        if (!registry.TryGet(name, out ModelHost? host))
        {
            return ModelEndpoints.Problem(ProblemKind.ModelNotFound, $"There is no model named '{name}'.");
        }

        if (host.IsRemote)
        {
            return ModelEndpoints.Problem(ProblemKind.NotInScaleOut, "Manual promotion is not available on a scale-out server; the promotion rule still runs on the trainer.");
        }

        LearnOutcome outcome = await host.PromoteAsync(challenger);
        if (!outcome.Succeeded)
        {
            return ModelEndpoints.Problem(outcome.Problem!, outcome.Detail ?? outcome.Problem!.Title, outcome.Field);
        }

        return TypedResults.Ok(new { model = host.Name, champion = challenger, sequence = outcome.Sequence });
    }

    private static void NumberOrNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
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
