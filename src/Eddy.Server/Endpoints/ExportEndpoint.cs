using Eddy.Base;
using Eddy.Compose;
using Eddy.Server.Hosting;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// <c>GET /v1/models/{name}/export</c>: the published model's parameters as JSON, for people: each step with its
/// hyper-parameters (its repr) and, where the estimator lists them, its learned parameters by feature name.
/// </summary>
internal static class ExportEndpoint
{
    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/models/{name}/export", (string name, ModelRegistry registry) =>
                registry.TryGet(name, out ModelHost? host)
                    ? Results.Ok(Export(host))
                    : ModelEndpoints.Problem(ProblemKind.ModelNotFound, $"There is no model named '{name}'."))
            .WithTags("Models").WithSummary("The model's learned parameters by feature name, for inspection.");
        return routes;
    }

    private static ModelExport Export(ModelHost host)
    {
        Replica replica = host.Replica;
        var features = new string[replica.Schema.Count];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = replica.Schema.NameOf(i);
        }

        var steps = new List<StepExport>();
        foreach (Estimator step in Steps(replica.Model))
        {
            steps.Add(new StepExport(step.ToString(), (step as IParameterExport)?.ExportParameters(replica.Schema)));
        }

        return new ModelExport(host.Name, replica.Sequence, features, steps, ModelEndpoints.Metrics(replica, host.Definition));
    }

    private static IEnumerable<Estimator> Steps(Estimator model) => model switch
    {
        ClassifierPipeline pipeline => [.. pipeline.Steps, pipeline.Final],
        RegressorPipeline pipeline => [.. pipeline.Steps, pipeline.Final],
        AnomalyPipeline pipeline => [.. pipeline.Steps, pipeline.Final],
        TransformerPipeline pipeline => pipeline.Steps,
        _ => [model],
    };

    internal sealed record StepExport(string Estimator, IReadOnlyDictionary<string, object>? Parameters);

    internal sealed record ModelExport(string Name, long Sequence, IReadOnlyList<string> Features, IReadOnlyList<StepExport> Steps, ModelEndpoints.ModelMetrics Metrics);
}
