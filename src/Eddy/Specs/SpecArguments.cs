using Eddy.Base;
using Eddy.Metrics;
using Eddy.Optim;
using Eddy.Optim.Losses;
using Eddy.Optim.Schedulers;

namespace Eddy.Specs;

/// <summary>
/// The validated arguments a catalogue factory builds its instance from: the value the spec gives, else River's
/// default. Nested components are built fresh on each call. A factory's <see cref="ArgumentException"/> (a
/// constructor refusing a value) is reported as a <see cref="SpecException"/> at that parameter's path.
/// </summary>
public sealed class SpecArguments
{
    private readonly EstimatorCatalog _catalog;
    private readonly CatalogEntry _entry;
    private readonly SpecNode _node;

    internal SpecArguments(EstimatorCatalog catalog, CatalogEntry entry, SpecNode node, string path)
    {
        _catalog = catalog;
        _entry = entry;
        _node = node;
        Path = path;
    }

    /// <summary>Where the component sits in the spec, e.g. <c>pipeline[1].LogisticRegression</c>.</summary>
    public string Path { get; }

    /// <summary>True when the spec sets <paramref name="name"/> (rather than leaving River's default).</summary>
    public bool IsSet(string name)
    {
        _ = Declared(name);
        return _node.TryGetParameter(name, out _);
    }

    public SpecValue Get(string name)
    {
        ParameterSpec parameter = Declared(name);
        return _node.TryGetParameter(name, out SpecValue value)
            ? value
            : parameter.Default ?? throw new InvalidOperationException($"'{name}' is required but was not bound.");
    }

    public double GetNumber(string name) => Get(name).Number;

    public int GetInt32(string name)
    {
        long value = Get(name).Integer;
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new ArgumentOutOfRangeException(name, value, "Must fit in a 32-bit integer.");
    }

    public long? GetNullableInt64(string name)
    {
        SpecValue value = Get(name);
        return value.Kind == SpecValueKind.None ? null : value.Integer;
    }

    public bool GetBoolean(string name) => Get(name).Boolean;

    public string GetString(string name) => Get(name).Text;

    public string[] GetStrings(string name) => [.. Get(name).Strings];

    public Label GetLabel(string name)
    {
        SpecValue value = Get(name);
        return value.Kind switch
        {
            SpecValueKind.Boolean => Label.FromBoolean(value.Boolean),
            SpecValueKind.Integer => Label.FromInteger(value.Integer),
            SpecValueKind.Number => Label.FromNumber(value.Number),
            SpecValueKind.String => Label.FromText(value.Text),
            _ => Label.None,
        };
    }

    public Optimizer GetOptimizer(string name) => Build<Optimizer>(name, "an optimizer");

    /// <summary>A number is River's shorthand for a constant schedule.</summary>
    public Scheduler GetScheduler(string name)
    {
        SpecValue value = Get(name);
        return value.Kind is SpecValueKind.Number or SpecValueKind.Integer
            ? new ConstantScheduler(value.Number)
            : Build<Scheduler>(name, "a scheduler");
    }

    /// <summary>Any loss: a <see cref="BinaryLoss"/>, <see cref="RegressionLoss"/> or <see cref="CrossEntropyLoss"/>.</summary>
    public object GetLoss(string name) => Build<object>(name, "a loss");

    public BinaryLoss GetBinaryLoss(string name) => Build<BinaryLoss>(name, "a binary classification loss");

    public RegressionLoss GetRegressionLoss(string name) => Build<RegressionLoss>(name, "a regression loss");

    public CrossEntropyLoss GetCrossEntropyLoss(string name) => Build<CrossEntropyLoss>(name, "a multi-class loss");

    public Metric GetMetric(string name) => Build<Metric>(name, "a metric");

    /// <summary>A metric of a narrower kind (an ensemble's vote metric), <paramref name="what"/> naming it in the error.</summary>
    public T GetMetric<T>(string name, string what)
        where T : Metric => Build<T>(name, what);

    public Eddy.Trees.Splitters.Splitter GetSplitter(string name) => Build<Eddy.Trees.Splitters.Splitter>(name, "a splitter");

    public Eddy.Drift.DriftDetector GetDetector(string name) => Build<Eddy.Drift.DriftDetector>(name, "a drift detector");

    public Eddy.Stats.Univariate GetStatistic(string name) => Build<Eddy.Stats.Univariate>(name, "a statistic");

    /// <summary>River's <c>dict[str, tuple[float, float]] | None</c>: null for None.</summary>
    public IReadOnlyDictionary<string, (double Low, double High)>? GetRanges(string name)
    {
        SpecValue value = Get(name);
        if (value.Kind == SpecValueKind.None)
        {
            return null;
        }

        var ranges = new Dictionary<string, (double Low, double High)>(value.Ranges.Count, StringComparer.Ordinal);
        foreach ((string feature, double low, double high) in value.Ranges)
        {
            ranges.Add(feature, (low, high));
        }

        return ranges;
    }

    /// <summary>River's <c>str | list[str] | None</c> keys: an empty array for None.</summary>
    public string[] GetKeys(string name)
    {
        SpecValue value = Get(name);
        return value.Kind == SpecValueKind.None ? [] : [.. value.Strings];
    }

    /// <summary>A fresh instance of the nested model (one step, or a pipeline of them).</summary>
    public Estimator GetEstimator(string name) =>
        SpecBuilder.BuildPipeline(_catalog, Get(name).Steps, $"{Path}.{name}");

    public Classifier GetClassifier(string name) => GetEstimator(name) as Classifier
        ?? throw new SpecException($"{Path}.{name}", $"{_entry.Name}'s '{name}' must be a classifier (or a pipeline ending with one).");

    public Regressor GetRegressor(string name) => GetEstimator(name) as Regressor
        ?? throw new SpecException($"{Path}.{name}", $"{_entry.Name}'s '{name}' must be a regressor (or a pipeline ending with one).");

    private T Build<T>(string name, string what)
        where T : class
    {
        SpecNode component = Get(name).Component;
        string path = $"{Path}.{name}";
        object built = SpecBuilder.BuildComponent(_catalog, component, path);
        return built as T ?? throw new SpecException(path, $"{component.Name} is not {what}, which {_entry.Name}'s '{name}' needs.");
    }

    private ParameterSpec Declared(string name) =>
        _entry.FindParameter(name) ?? throw new InvalidOperationException($"{_entry.Name} declares no parameter '{name}'.");
}
