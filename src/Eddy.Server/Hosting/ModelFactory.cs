using Eddy.Base;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;
using Microsoft.Extensions.Options;

namespace Eddy.Server.Hosting;

/// <summary>Turns model specs into <see cref="ModelDefinition"/>s.</summary>
internal sealed class ModelFactory
{
    private readonly EddyServerOptions _options;

    public ModelFactory(IOptions<EddyServerOptions> options)
    {
        _options = options.Value;
    }

    public ModelDefinition FromExpression(string name, string expression, IReadOnlyList<string> metrics)
    {
        Estimator model = expression.Replace(" ", string.Empty, StringComparison.Ordinal) == "StandardScaler|LogisticRegression"
            ? new StandardScaler() | new LogisticRegression()
            : throw new NotSupportedException(expression);
        var prototypes = new List<Metric>();
        foreach (string metric in metrics)
        {
            prototypes.Add(metric switch
            {
                "ROCAUC" => new RocAuc(),
                "Accuracy" => new Accuracy(),
                "LogLoss" => new Eddy.Metrics.LogLoss(),
                _ => throw new NotSupportedException(metric),
            });
        }

        return new ModelDefinition(name, expression, model, prototypes, PublicationPolicy.AfterEveryLearn, _options.RollingWindow);
    }
}
