using Eddy.Base;
using Eddy.Metrics;

namespace Eddy.Specs;

/// <summary>
/// A validated model description: pipeline steps and metrics, with every name resolved, every value typed and every
/// range checked (building it cannot fail on the spec's account). Compared by value; the canonical JSON
/// (<see cref="ToJson"/>) and River's expression form (<see cref="ToExpression"/>) both parse back to an equal spec.
/// </summary>
public sealed record ModelSpec
{
    internal ModelSpec(EstimatorCatalog catalog, IReadOnlyList<SpecNode> pipeline, IReadOnlyList<SpecNode> metrics, EstimatorKind kind)
    {
        Catalog = catalog;
        Pipeline = pipeline;
        Metrics = metrics;
        Kind = kind;
    }

    /// <summary>The steps; every one but the last is a transformer. A union step lists its members.</summary>
    public IReadOnlyList<SpecNode> Pipeline { get; }

    public IReadOnlyList<SpecNode> Metrics { get; }

    /// <summary>What the built estimator is, known without building it.</summary>
    public EstimatorKind Kind { get; }

    /// <summary>The catalogue the spec was validated against and builds from (not part of equality).</summary>
    public EstimatorCatalog Catalog { get; }

    /// <summary>JSON (starts with <c>{</c>) or River's expression form, against <see cref="EstimatorCatalog.Default"/>.</summary>
    public static ModelSpec Parse(string text) => EstimatorCatalog.Default.Parse(text);

    public static ModelSpec FromJson(string json) => EstimatorCatalog.Default.ParseJson(json);

    public static ModelSpec FromExpression(string expression, IEnumerable<string>? metrics = null) =>
        EstimatorCatalog.Default.ParseExpression(expression, metrics);

    /// <summary>
    /// The same model with these metrics instead: each string is a name, a call (<c>ROCAUC(n_thresholds=20)</c>), a
    /// comma-separated list of those, or a JSON metric (<c>{"ROCAUC": {...}}</c>).
    /// </summary>
    public ModelSpec WithMetrics(IEnumerable<string> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        List<SpecNode> bound = Catalog.BindMetrics(metrics);
        SpecBuilder.BuildMetrics(Catalog, bound, Kind);
        return new ModelSpec(Catalog, Pipeline, bound, Kind);
    }

    /// <summary>Fresh, untrained instances of the estimator and the metrics.</summary>
    public BuiltModel Build()
    {
        Estimator estimator = BuildEstimator();
        return new BuiltModel(estimator, BuildMetrics(), Kind);
    }

    public Estimator BuildEstimator() => SpecBuilder.BuildPipeline(Catalog, Pipeline, "pipeline");

    public IReadOnlyList<Metric> BuildMetrics() => SpecBuilder.BuildMetrics(Catalog, Metrics, Kind);

    /// <summary>The canonical JSON: <c>{"pipeline": [{"StandardScaler": {}}, ...], "metrics": ["ROCAUC"]}</c>.</summary>
    public string ToJson(bool indented = false) => SpecWriter.ToJson(Pipeline, Metrics, indented);

    /// <summary>The pipeline in River's expression form: <c>StandardScaler | LogisticRegression(l2=0.1)</c>.</summary>
    public string ToExpression() => SpecWriter.ExpressionOf(Pipeline);

    /// <summary>The metrics in River's expression form, one string each.</summary>
    public IReadOnlyList<string> MetricExpressions() => [.. Metrics.Select(SpecWriter.ExpressionOf)];

    public bool Equals(ModelSpec? other) =>
        other is not null && SpecNode.SequenceEquals(Pipeline, other.Pipeline) && SpecNode.SequenceEquals(Metrics, other.Metrics);

    public override int GetHashCode() => HashCode.Combine(Pipeline.Count, Metrics.Count, Pipeline.Count > 0 ? Pipeline[^1].GetHashCode() : 0);

    public override string ToString() => ToJson();
}
