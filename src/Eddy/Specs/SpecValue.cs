namespace Eddy.Specs;

/// <summary>A typed parameter value in a <see cref="ModelSpec"/>. Immutable, compared by value.</summary>
public sealed class SpecValue : IEquatable<SpecValue>
{
    private readonly bool _boolean;
    private readonly long _integer;
    private readonly double _number;
    private readonly string? _text;
    private readonly string[]? _strings;
    private readonly SpecNode? _component;
    private readonly SpecNode[]? _steps;
    private readonly (string Name, double Low, double High)[]? _ranges;

    private SpecValue(
        SpecValueKind kind,
        bool boolean = false,
        long integer = 0,
        double number = 0,
        string? text = null,
        string[]? strings = null,
        SpecNode? component = null,
        SpecNode[]? steps = null,
        (string Name, double Low, double High)[]? ranges = null)
    {
        Kind = kind;
        _boolean = boolean;
        _integer = integer;
        _number = number;
        _text = text;
        _strings = strings;
        _component = component;
        _steps = steps;
        _ranges = ranges;
    }

    /// <summary>Python's <c>None</c>.</summary>
    public static SpecValue None { get; } = new(SpecValueKind.None);

    public SpecValueKind Kind { get; }

    public bool Boolean => Kind == SpecValueKind.Boolean ? _boolean : throw Wrong(SpecValueKind.Boolean);

    public long Integer => Kind == SpecValueKind.Integer ? _integer : throw Wrong(SpecValueKind.Integer);

    /// <summary>The number; integers read as numbers too.</summary>
    public double Number => Kind switch
    {
        SpecValueKind.Number => _number,
        SpecValueKind.Integer => _integer,
        _ => throw Wrong(SpecValueKind.Number),
    };

    public string Text => _text ?? throw Wrong(SpecValueKind.String);

    public IReadOnlyList<string> Strings => _strings ?? throw Wrong(SpecValueKind.StringList);

    public SpecNode Component => _component ?? throw Wrong(SpecValueKind.Component);

    /// <summary>The steps of a nested model, in order.</summary>
    public IReadOnlyList<SpecNode> Steps => _steps ?? throw Wrong(SpecValueKind.Pipeline);

    /// <summary>The ranges per feature, in the order given.</summary>
    public IReadOnlyList<(string Name, double Low, double High)> Ranges => _ranges ?? throw Wrong(SpecValueKind.Ranges);

    public static SpecValue FromBoolean(bool value) => new(SpecValueKind.Boolean, boolean: value);

    public static SpecValue FromInteger(long value) => new(SpecValueKind.Integer, integer: value);

    public static SpecValue FromNumber(double value) =>
        double.IsFinite(value) ? new(SpecValueKind.Number, number: value) : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be finite.");

    public static SpecValue FromString(string value) => new(SpecValueKind.String, text: value ?? throw new ArgumentNullException(nameof(value)));

    public static SpecValue FromStrings(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] copy = [.. values];
        foreach (string value in copy)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
        }

        return new(SpecValueKind.StringList, strings: copy);
    }

    public static SpecValue FromComponent(SpecNode component) =>
        new(SpecValueKind.Component, component: component ?? throw new ArgumentNullException(nameof(component)));

    /// <summary>A nested model of one or more pipeline steps.</summary>
    public static SpecValue FromPipeline(IEnumerable<SpecNode> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        SpecNode[] copy = [.. steps];
        if (copy.Length == 0)
        {
            throw new ArgumentException("A nested model needs at least one step.", nameof(steps));
        }

        foreach (SpecNode step in copy)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(steps));
        }

        return new(SpecValueKind.Pipeline, steps: copy);
    }

    /// <summary>A range per feature name (finite bounds, distinct names; the estimator checks their order).</summary>
    public static SpecValue FromRanges(IEnumerable<(string Name, double Low, double High)> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        (string Name, double Low, double High)[] copy = [.. ranges];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, double low, double high) in copy)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(ranges));
            if (!names.Add(name))
            {
                throw new ArgumentException($"'{name}' is given twice.", nameof(ranges));
            }

            if (!double.IsFinite(low) || !double.IsFinite(high))
            {
                throw new ArgumentOutOfRangeException(nameof(ranges), $"The range of '{name}' must be finite.");
            }
        }

        return new(SpecValueKind.Ranges, ranges: copy);
    }

    public bool Equals(SpecValue? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            SpecValueKind.None => true,
            SpecValueKind.Boolean => _boolean == other._boolean,
            SpecValueKind.Integer => _integer == other._integer,
            SpecValueKind.Number => _number.Equals(other._number),
            SpecValueKind.String => string.Equals(_text, other._text, StringComparison.Ordinal),
            SpecValueKind.StringList => _strings!.AsSpan().SequenceEqual(other._strings),
            SpecValueKind.Pipeline => SpecNode.SequenceEquals(_steps!, other._steps!),
            SpecValueKind.Ranges => _ranges!.AsSpan().SequenceEqual(other._ranges),
            _ => _component!.Equals(other._component),
        };
    }

    public override bool Equals(object? obj) => Equals(obj as SpecValue);

    public override int GetHashCode() => Kind switch
    {
        SpecValueKind.None => 0,
        SpecValueKind.Boolean => _boolean.GetHashCode(),
        SpecValueKind.Integer => _integer.GetHashCode(),
        SpecValueKind.Number => _number.GetHashCode(),
        SpecValueKind.String => StringComparer.Ordinal.GetHashCode(_text!),
        SpecValueKind.StringList => _strings!.Length,
        SpecValueKind.Pipeline => HashCode.Combine(_steps!.Length, _steps[0]),
        SpecValueKind.Ranges => _ranges!.Length,
        _ => _component!.GetHashCode(),
    };

    /// <summary>River's expression form of the value, e.g. <c>0.01</c>, <c>'a'</c>, <c>SGD(lr=0.1)</c>.</summary>
    public override string ToString() => SpecWriter.ExpressionOf(this);

    private InvalidOperationException Wrong(SpecValueKind wanted) => new($"The value is a {Kind}, not a {wanted}.");
}
