using Eddy.Base;
using Eddy.Compose;
using Eddy.Metrics;

namespace Eddy.Specs;

/// <summary>
/// Turns a bound spec into fresh instances. The constructors validate ranges; their
/// <see cref="ArgumentException"/>s become <see cref="SpecException"/>s naming the parameter.
/// </summary>
internal static class SpecBuilder
{
    public static object BuildComponent(EstimatorCatalog catalog, SpecNode node, string path)
    {
        string inner = $"{path}.{node.Name}";
        if (!catalog.TryGetEntry(node.Family, node.Name, out CatalogEntry? entry))
        {
            throw new SpecException(path, $"Unknown {SpecBinder.Describe(node.Family)} '{node.Name}' in this catalogue.");
        }

        try
        {
            return entry.Create(new SpecArguments(catalog, entry, node, inner))
                ?? throw new InvalidOperationException($"The factory of {entry.Name} returned null.");
        }
        catch (ArgumentException e)
        {
            throw Translate(e, entry, node, path, inner);
        }
    }

    public static Estimator BuildPipeline(EstimatorCatalog catalog, IReadOnlyList<SpecNode> steps, string path)
    {
        var built = new Estimator[steps.Count];
        for (int i = 0; i < steps.Count; i++)
        {
            built[i] = BuildStep(catalog, steps[i], $"{path}[{i}]");
        }

        var transformers = new Transformer[steps.Count - 1];
        for (int i = 0; i < transformers.Length; i++)
        {
            transformers[i] = built[i] as Transformer
                ?? throw new SpecException($"{path}[{i}]", $"{steps[i].Name} is not a transformer, so it can only be the last step.");
        }

        Estimator final = built[^1];
        if (transformers.Length == 0)
        {
            return final;
        }

        return final switch
        {
            Classifier classifier => new ClassifierPipeline(transformers, classifier),
            Regressor regressor => new RegressorPipeline(transformers, regressor),
            AnomalyDetector detector => new AnomalyPipeline(transformers, detector),
            Transformer transformer => new TransformerPipeline([.. transformers, transformer]),
            _ => throw new SpecException($"{path}[{steps.Count - 1}]", $"{steps[^1].Name} cannot end a pipeline."),
        };
    }

    public static EstimatorKind KindOf(Estimator estimator, string path) => estimator switch
    {
        Classifier => EstimatorKind.Classifier,
        Regressor => EstimatorKind.Regressor,
        Transformer => EstimatorKind.Transformer,
        AnomalyDetector => EstimatorKind.Anomaly,
        SupervisedAnomalyDetector => EstimatorKind.SupervisedAnomaly,
        _ => throw new SpecException(path, $"{estimator} is not a transformer, a classifier, a regressor or an anomaly detector."),
    };

    public static List<Metric> BuildMetrics(EstimatorCatalog catalog, IReadOnlyList<SpecNode> metrics, EstimatorKind kind)
    {
        var built = new List<Metric>(metrics.Count);
        for (int i = 0; i < metrics.Count; i++)
        {
            string path = $"metrics[{i}]";
            if (BuildComponent(catalog, metrics[i], path) is not Metric metric)
            {
                throw new SpecException(path, $"{metrics[i].Name} is not a metric.");
            }

            CheckCompatible(metric, metric.Name, kind, path);
            built.Add(metric);
        }

        return built;
    }

    private static void CheckCompatible(Metric metric, string name, EstimatorKind kind, string path)
    {
        if (kind == EstimatorKind.Transformer)
        {
            throw new SpecException(path, $"{name} needs a classifier or a regressor to score, but the pipeline ends with a transformer.");
        }

        if (kind is EstimatorKind.Anomaly or EstimatorKind.SupervisedAnomaly)
        {
            // River scores anomaly scores against labelled feedback with ROCAUC, the score standing for P(anomaly).
            if (!IsScoreMetric(metric))
            {
                throw new SpecException(path, $"{name} does not apply to an anomaly detector; only ROCAUC scores anomaly scores.");
            }

            return;
        }

        if (metric is ClassificationMetric classification && kind != EstimatorKind.Classifier)
        {
            string needs = classification.RequiresLabels ? "a classification metric" : "a probability metric, which needs a classifier";
            throw new SpecException(path, $"{name} does not apply to a regressor ({needs}).");
        }

        if (metric is RegressionMetric && kind != EstimatorKind.Regressor)
        {
            throw new SpecException(path, $"{name} does not apply to a classifier (a regression metric).");
        }
    }

    /// <summary>Metrics that take a bare score as P(True): ROCAUC, alone or in a window.</summary>
    public static bool IsScoreMetric(Metric metric) => metric switch
    {
        RocAuc => true,
        RollingClassificationMetric rolling => IsScoreMetric(rolling.Metric),
        TimeRollingClassificationMetric rolling => IsScoreMetric(rolling.Metric),
        _ => false,
    };

    private static Estimator BuildStep(EstimatorCatalog catalog, SpecNode node, string path)
    {
        if (!node.IsUnion)
        {
            return BuildComponent(catalog, node, path) as Estimator
                ?? throw new SpecException(path, $"{node.Name} is not an estimator.");
        }

        var members = new Transformer[node.Members.Count];
        for (int j = 0; j < members.Length; j++)
        {
            IReadOnlyList<SpecNode> member = node.Members[j];
            string memberPath = $"{path}.{SpecNode.UnionName}[{j}]";
            members[j] = BuildPipeline(catalog, member, memberPath) as Transformer
                ?? throw new SpecException($"{memberPath}[{member.Count - 1}]", $"{member[^1].Name} is not a transformer; every member of a union must be one.");
        }

        return new TransformerUnion(members);
    }

    private static SpecException Translate(ArgumentException e, CatalogEntry entry, SpecNode node, string path, string inner)
    {
        string message = e.Message;
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        int line = message.IndexOfAny(['\r', '\n']);
        message = line >= 0 ? message[..line] : message;
        if (e.ParamName is { } clrName)
        {
            foreach (ParameterSpec parameter in entry.Parameters)
            {
                if (SpecNames.SameParameter(clrName, parameter.Name))
                {
                    string given = node.TryGetParameter(parameter.Name, out SpecValue value) ? $" ({value})" : string.Empty;
                    return new SpecException($"{inner}.{parameter.Name}", $"Invalid {parameter.Name}{given} for {entry.Name}: {message}", inner: e);
                }
            }
        }

        return new SpecException(path, $"Invalid {entry.Name}: {message}", inner: e);
    }
}
