namespace Eddy.Specs;

/// <summary>
/// One parameter of a catalogue entry: River's name (snake_case), its type and River's default. A parameter without
/// a default is required. In River's expression form, positional arguments fill parameters in declaration order; a
/// variadic string list (<c>Select('a', 'b')</c>) takes all of them.
/// </summary>
public sealed class ParameterSpec
{
    private ParameterSpec(string name, ParameterType type, SpecValue? defaultValue, bool nullable = false, bool variadic = false, long maximum = long.MaxValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!SpecNames.IsIdentifier(name))
        {
            throw new ArgumentException($"'{name}' is not an identifier.", nameof(name));
        }

        Name = name;
        Type = type;
        Default = defaultValue;
        Nullable = nullable;
        Variadic = variadic;
        Maximum = maximum;
    }

    public string Name { get; }

    public ParameterType Type { get; }

    /// <summary>River's default; null when the parameter is required.</summary>
    public SpecValue? Default { get; }

    public bool IsRequired => Default is null;

    /// <summary>True when <c>None</c> is a valid value.</summary>
    public bool Nullable { get; }

    /// <summary>True for <c>*args</c> string lists: every positional argument goes here.</summary>
    public bool Variadic { get; }

    /// <summary>
    /// The largest integer a spec may give. Sizes that constructors allocate up front (ROCAUC's thresholds, a rolling
    /// window) are capped so untrusted specs cannot exhaust memory.
    /// </summary>
    public long Maximum { get; }

    /// <summary>The same parameter with an upper bound on integer values.</summary>
    public ParameterSpec WithMaximum(long maximum) =>
        Type == ParameterType.Integer
            ? new ParameterSpec(Name, Type, Default, Nullable, Variadic, maximum)
            : throw new InvalidOperationException("Only integer parameters have a maximum.");

    public static ParameterSpec Number(string name, double defaultValue) => new(name, ParameterType.Number, SpecValue.FromNumber(defaultValue));

    public static ParameterSpec Integer(string name, long defaultValue) => new(name, ParameterType.Integer, SpecValue.FromInteger(defaultValue));

    /// <summary>An integer that may be <c>None</c>, its default (a seed).</summary>
    public static ParameterSpec NullableInteger(string name) => new(name, ParameterType.Integer, SpecValue.None, nullable: true);

    public static ParameterSpec Boolean(string name, bool defaultValue) => new(name, ParameterType.Boolean, SpecValue.FromBoolean(defaultValue));

    public static ParameterSpec String(string name, string defaultValue) => new(name, ParameterType.String, SpecValue.FromString(defaultValue));

    /// <summary>A list of strings, empty by default; <paramref name="variadic"/> for Python's <c>*keys</c>.</summary>
    public static ParameterSpec StringList(string name, bool variadic = false) =>
        new(name, ParameterType.StringList, SpecValue.FromStrings([]), variadic: variadic);

    /// <summary>A class label defaulting to <c>True</c> (River's <c>pos_val=True</c>).</summary>
    public static ParameterSpec Label(string name) => new(name, ParameterType.Label, SpecValue.FromBoolean(true));

    /// <summary>An optimizer defaulting to the catalogue's <paramref name="defaultName"/> with its own defaults.</summary>
    public static ParameterSpec Optimizer(string name, string defaultName) =>
        new(name, ParameterType.Optimizer, SpecValue.FromComponent(new SpecNode(defaultName, ComponentFamily.Optimizer, [])));

    /// <summary>A learning rate defaulting to a constant.</summary>
    public static ParameterSpec Scheduler(string name, double defaultRate) => new(name, ParameterType.Scheduler, SpecValue.FromNumber(defaultRate));

    public static ParameterSpec Loss(string name, string defaultName) =>
        new(name, ParameterType.Loss, SpecValue.FromComponent(new SpecNode(defaultName, ComponentFamily.Loss, [])));

    /// <summary>A nested model defaulting to the catalogue's <paramref name="defaultName"/> with its own defaults.</summary>
    public static ParameterSpec Estimator(string name, string defaultName) =>
        new(name, ParameterType.Estimator, SpecValue.FromPipeline([new SpecNode(defaultName, ComponentFamily.Estimator, [])]));

    /// <summary>A nested model defaulting to the catalogue's <paramref name="defaultName"/> with the given parameters.</summary>
    public static ParameterSpec Estimator(string name, string defaultName, params (string Name, SpecValue Value)[] defaults)
    {
        var parameters = new List<KeyValuePair<string, SpecValue>>(defaults.Length);
        foreach ((string parameter, SpecValue value) in defaults)
        {
            parameters.Add(new(parameter, value));
        }

        return new(name, ParameterType.Estimator, SpecValue.FromPipeline([new SpecNode(defaultName, ComponentFamily.Estimator, parameters)]));
    }

    /// <summary>A drift detector defaulting to the catalogue's <paramref name="defaultName"/> with the given parameters.</summary>
    public static ParameterSpec Detector(string name, string defaultName, params (string Name, double Value)[] defaults)
    {
        var parameters = new List<KeyValuePair<string, SpecValue>>(defaults.Length);
        foreach ((string parameter, double value) in defaults)
        {
            parameters.Add(new(parameter, SpecValue.FromNumber(value)));
        }

        return new(name, ParameterType.DriftDetector, SpecValue.FromComponent(new SpecNode(defaultName, ComponentFamily.DriftDetector, parameters)));
    }

    /// <summary>A tree splitter defaulting to the catalogue's <paramref name="defaultName"/> with its own defaults.</summary>
    public static ParameterSpec Splitter(string name, string defaultName) =>
        new(name, ParameterType.Splitter, SpecValue.FromComponent(new SpecNode(defaultName, ComponentFamily.Splitter, [])));

    /// <summary>A metric defaulting to the catalogue's <paramref name="defaultName"/> with its own defaults (an ensemble's vote metric).</summary>
    public static ParameterSpec Metric(string name, string defaultName) =>
        new(name, ParameterType.Metric, SpecValue.FromComponent(new SpecNode(defaultName, ComponentFamily.Metric, [])));

    /// <summary>River's <c>limits: dict | None</c>: a range per feature name, <c>None</c> by default.</summary>
    public static ParameterSpec Ranges(string name) => new(name, ParameterType.Ranges, SpecValue.None, nullable: true);

    /// <summary>River's <c>by: str | list[str] | None</c>: required, one key or a list of keys, or <c>None</c>.</summary>
    public static ParameterSpec Keys(string name) => new(name, ParameterType.StringList, null, nullable: true);

    /// <summary>A parameter the spec must give (River has no default for it).</summary>
    public static ParameterSpec Required(string name, ParameterType type) => new(name, type, null);

    public override string ToString() => IsRequired ? $"{Name}: {Type}" : $"{Name}: {Type} = {Default}";
}
