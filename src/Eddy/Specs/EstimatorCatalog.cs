using System.Diagnostics.CodeAnalysis;
using Eddy.Base;
using Eddy.Metrics;
using Eddy.Optim;
using Eddy.Optim.Schedulers;

namespace Eddy.Specs;

/// <summary>
/// Names a spec may use, per family (estimators, optimizers, schedulers, losses, metrics), each with typed
/// parameters and River's defaults. <see cref="Default"/> holds Eddy's built-ins and is read-only; make a
/// catalogue of your own with <see cref="CreateDefault"/> and <see cref="Register"/> more. Names are matched
/// ignoring case and written back as registered.
/// </summary>
public sealed class EstimatorCatalog
{
    private static readonly Lazy<EstimatorCatalog> s_default = new(() =>
    {
        EstimatorCatalog catalog = CreateDefault();
        catalog.IsReadOnly = true;
        return catalog;
    });

    private readonly Dictionary<ComponentFamily, Dictionary<string, CatalogEntry>> _entries = [];

    /// <summary>The built-in catalogue, shared and read-only.</summary>
    public static EstimatorCatalog Default => s_default.Value;

    public bool IsReadOnly { get; private set; }

    /// <summary>A new, writable catalogue holding the built-ins.</summary>
    public static EstimatorCatalog CreateDefault()
    {
        var catalog = new EstimatorCatalog();
        BuiltinEstimators.Register(catalog);
        BuiltinNeighbors.Register(catalog);
        BuiltinAnomaly.Register(catalog);
        BuiltinTrees.Register(catalog);
        BuiltinSplitters.Register(catalog);
        BuiltinForests.Register(catalog);
        BuiltinComponents.Register(catalog);
        BuiltinDetectors.Register(catalog);
        BuiltinEnsembles.Register(catalog);
        BuiltinFeatureExtraction.Register(catalog);
        return catalog;
    }

    /// <summary>Registers a pipeline step (a transformer, classifier or regressor).</summary>
    public EstimatorCatalog Register(string name, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, Estimator> factory) =>
        Add(ComponentFamily.Estimator, name, parameters, factory);

    public EstimatorCatalog RegisterOptimizer(string name, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, Optimizer> factory) =>
        Add(ComponentFamily.Optimizer, name, parameters, factory);

    public EstimatorCatalog RegisterScheduler(string name, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, Scheduler> factory) =>
        Add(ComponentFamily.Scheduler, name, parameters, factory);

    /// <summary>Registers a loss: the factory returns a BinaryLoss, RegressionLoss or CrossEntropyLoss.</summary>
    public EstimatorCatalog RegisterLoss(string name, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, object> factory) =>
        Add(ComponentFamily.Loss, name, parameters, factory);

    public EstimatorCatalog RegisterMetric(string name, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, Metric> factory) =>
        Add(ComponentFamily.Metric, name, parameters, factory);

    /// <summary>Registers a drift detector.</summary>
    public EstimatorCatalog RegisterDetector(string name, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, Eddy.Drift.DriftDetector> factory) =>
        Add(ComponentFamily.DriftDetector, name, parameters, factory);

    /// <summary>Registers a univariate statistic (Agg's <c>how</c>).</summary>
    public EstimatorCatalog RegisterStatistic(string name, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, Eddy.Stats.Univariate> factory) =>
        Add(ComponentFamily.Statistic, name, parameters, factory);

    /// <summary>Registers a tree splitter (an attribute observer).</summary>
    public EstimatorCatalog RegisterSplitter(string name, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, Eddy.Trees.Splitters.Splitter> factory) =>
        Add(ComponentFamily.Splitter, name, parameters, factory);

    /// <summary>
    /// A fresh drift detector from River's expression form (<c>ADWIN(delta=0.001)</c>, <c>PageHinkley</c>) or the JSON
    /// form (<c>{"ADWIN": {"delta": 0.001}}</c>).
    /// </summary>
    public Eddy.Drift.DriftDetector ParseDetector(string text, string path = "detector") =>
        (Eddy.Drift.DriftDetector)SpecBuilder.BuildComponent(this, BindDetector(text, path), path);

    /// <summary>
    /// A drift detector's canonical expression (the parameters given, in the catalogue's order), with a seed from
    /// <paramref name="seed"/> filled in when the detector samples and none was given — so a rebuild from the text
    /// (recovery, a standby trainer) samples exactly as the first instance did.
    /// </summary>
    public string CanonicalDetector(string text, Func<long> seed, string path = "detector")
    {
        ArgumentNullException.ThrowIfNull(seed);
        SpecNode node = BindDetector(text, path);
        if (TryGetEntry(ComponentFamily.DriftDetector, node.Name, out CatalogEntry? entry)
            && entry.Parameters.Any(p => p.Name == "seed")
            && (!node.TryGetParameter("seed", out SpecValue given) || given.Kind == SpecValueKind.None))
        {
            var parameters = node.Parameters.Where(p => p.Key != "seed").ToList();
            parameters.Add(new KeyValuePair<string, SpecValue>("seed", SpecValue.FromInteger(seed())));
            node = new SpecNode(node.Name, node.Family, parameters, null, node.Variadic);
        }

        string canonical = SpecWriter.ExpressionOf(node);

        // The canonical text must build the same detector.
        ParseDetector(canonical, path);
        return canonical;
    }

    private SpecNode BindDetector(string text, string path)
    {
        SpecLimits.CheckLength(text);
        string trimmed = text.Trim();
        RawNode raw;
        if (trimmed.StartsWith('{') || trimmed.StartsWith('"'))
        {
            raw = JsonSpecReader.ReadMetric(trimmed, path);
        }
        else
        {
            CheckText(trimmed);
            List<RawNode> calls = ExpressionParser.ParseCalls(trimmed);
            if (calls.Count != 1)
            {
                throw new SpecException(path, "Give one drift detector.");
            }

            raw = calls[0];
        }

        return new SpecBinder(this).BindComponent(raw, ComponentFamily.DriftDetector, path, 0);
    }

    public bool TryGetEntry(ComponentFamily family, string name, [NotNullWhen(true)] out CatalogEntry? entry)
    {
        entry = null;
        return name is not null && _entries.TryGetValue(family, out Dictionary<string, CatalogEntry>? entries) && entries.TryGetValue(name, out entry);
    }

    /// <summary>The entries of a family in registration order.</summary>
    public IReadOnlyList<CatalogEntry> Entries(ComponentFamily family) =>
        _entries.TryGetValue(family, out Dictionary<string, CatalogEntry>? entries) ? [.. entries.Values] : [];

    public IEnumerable<string> Names(ComponentFamily family) => Entries(family).Select(e => e.Name);

    /// <summary>A JSON spec when the text starts with <c>{</c>, else River's expression form (a model without metrics).</summary>
    public ModelSpec Parse(string text)
    {
        SpecLimits.CheckLength(text);
        return text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal) ? ParseJson(text) : ParseExpression(text);
    }

    public ModelSpec ParseJson(string json)
    {
        SpecLimits.CheckLength(json);
        (List<RawNode> pipeline, List<RawNode> metrics) = JsonSpecReader.ReadModel(json);
        var binder = new SpecBinder(this);
        List<SpecNode> steps = binder.BindPipeline(pipeline, "pipeline", 0);
        var boundMetrics = new List<SpecNode>(metrics.Count);
        for (int i = 0; i < metrics.Count; i++)
        {
            boundMetrics.Add(binder.BindComponent(metrics[i], ComponentFamily.Metric, $"metrics[{i}]", 0));
        }

        return Validate(steps, boundMetrics);
    }

    /// <summary>
    /// River's expression form, e.g. <c>StandardScaler | LogisticRegression(l2=0.1)</c>; each metric string is as
    /// for <see cref="ModelSpec.WithMetrics"/>.
    /// </summary>
    public ModelSpec ParseExpression(string expression, IEnumerable<string>? metrics = null)
    {
        SpecLimits.CheckLength(expression);
        CheckText(expression);
        List<RawNode> pipeline = ExpressionParser.ParseModel(expression);
        List<SpecNode> steps = new SpecBinder(this).BindPipeline(pipeline, "pipeline", 0);
        return Validate(steps, metrics is null ? [] : BindMetrics(metrics));
    }

    internal List<SpecNode> BindMetrics(IEnumerable<string> metrics)
    {
        var binder = new SpecBinder(this);
        var bound = new List<SpecNode>();
        foreach (string text in metrics)
        {
            SpecLimits.CheckLength(text);
            string path = $"metrics[{bound.Count}]";
            string trimmed = text.Trim();
            if (trimmed.StartsWith('{') || trimmed.StartsWith('"'))
            {
                bound.Add(binder.BindComponent(JsonSpecReader.ReadMetric(trimmed, path), ComponentFamily.Metric, path, 0));
                continue;
            }

            CheckText(trimmed);
            foreach (RawNode raw in ExpressionParser.ParseCalls(trimmed))
            {
                bound.Add(binder.BindComponent(raw, ComponentFamily.Metric, $"metrics[{bound.Count}]", 0));
            }
        }

        return bound;
    }

    private ModelSpec Validate(List<SpecNode> steps, List<SpecNode> metrics)
    {
        // Build once: constructors check ranges, and the result tells what the model is.
        Estimator estimator = SpecBuilder.BuildPipeline(this, steps, "pipeline");
        EstimatorKind kind = SpecBuilder.KindOf(estimator, "pipeline");
        SpecBuilder.BuildMetrics(this, metrics, kind);
        return new ModelSpec(this, steps, metrics, kind);
    }

    private EstimatorCatalog Add(ComponentFamily family, string name, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, object> factory)
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("This catalogue is read-only; use EstimatorCatalog.CreateDefault() for one you can extend.");
        }

        var entry = new CatalogEntry(name, family, parameters, factory);
        if (family == ComponentFamily.Estimator && name == SpecNode.UnionName)
        {
            throw new ArgumentException($"{SpecNode.UnionName} is built in.", nameof(name));
        }

        if (!_entries.TryGetValue(family, out Dictionary<string, CatalogEntry>? entries))
        {
            entries = new Dictionary<string, CatalogEntry>(StringComparer.OrdinalIgnoreCase);
            _entries[family] = entries;
        }

        if (!entries.TryAdd(name, entry))
        {
            throw new ArgumentException($"The {SpecBinder.Describe(family)} '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Lone surrogates could not be written back as JSON, so they are refused up front.</summary>
    private static void CheckText(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new SpecException(string.Empty, $"Invalid character at column {i + 1}.", i + 1);
            }
        }
    }
}
