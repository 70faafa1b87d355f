namespace Eddy.Specs;

/// <summary>
/// A name a spec may use: its family, its typed parameters (River's names and defaults) and the factory that
/// builds a fresh instance from validated arguments.
/// </summary>
public sealed class CatalogEntry
{
    private readonly Func<SpecArguments, object> _factory;
    private readonly Dictionary<string, ParameterSpec> _byName;

    internal CatalogEntry(string name, ComponentFamily family, IEnumerable<ParameterSpec> parameters, Func<SpecArguments, object> factory)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(factory);
        if (!SpecNames.IsIdentifier(name))
        {
            throw new ArgumentException($"'{name}' is not an identifier, so River's expression form could not name it.", nameof(name));
        }

        Name = name;
        Family = family;
        Parameters = [.. parameters];
        _byName = new Dictionary<string, ParameterSpec>(StringComparer.Ordinal);
        int variadic = 0;
        foreach (ParameterSpec parameter in Parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
            if (!_byName.TryAdd(parameter.Name, parameter))
            {
                throw new ArgumentException($"{name} declares '{parameter.Name}' twice.", nameof(parameters));
            }

            variadic += parameter.Variadic ? 1 : 0;
        }

        if (variadic > 1)
        {
            throw new ArgumentException($"{name} declares more than one variadic parameter.", nameof(parameters));
        }

        _factory = factory;
    }

    public string Name { get; }

    public ComponentFamily Family { get; }

    /// <summary>The parameters in River's signature order.</summary>
    public IReadOnlyList<ParameterSpec> Parameters { get; }

    public ParameterSpec? FindParameter(string name) => _byName.GetValueOrDefault(name);

    internal object Create(SpecArguments arguments) => _factory(arguments);

    public override string ToString() => $"{Name}({string.Join(", ", Parameters)})";
}
