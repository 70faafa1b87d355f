namespace Eddy.Specs;

/// <summary>An untyped value as read from JSON or an expression, before the catalogue gives it a type.</summary>
internal sealed class RawValue
{
    private RawValue(RawKind kind, int column)
    {
        Kind = kind;
        Column = column;
    }

    public enum RawKind
    {
        Null,
        Boolean,
        Number,
        String,
        List,
        Node,

        /// <summary>Steps joined with <c>|</c> or <c>+</c> where a value was expected (a nested model).</summary>
        Pipeline,

        /// <summary>A dict with string keys: <c>{'x': (0, 1)}</c>, or a JSON object that is not a component.</summary>
        Dict,
    }

    public RawKind Kind { get; }

    /// <summary>1-based column in an expression; 0 for JSON.</summary>
    public int Column { get; }

    public bool Boolean { get; private init; }

    public double Number { get; private init; }

    /// <summary>True when the literal had no fraction or exponent (<c>10</c>, not <c>10.0</c>).</summary>
    public bool IsIntegerLiteral { get; private init; }

    public string Text { get; private init; } = string.Empty;

    public IReadOnlyList<RawValue> Items { get; private init; } = [];

    public RawNode? Node { get; private init; }

    public IReadOnlyList<RawNode> Steps { get; private init; } = [];

    /// <summary>A dict's entries in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, RawValue>> Entries { get; private init; } = [];

    public static RawValue Null(int column) => new(RawKind.Null, column);

    public static RawValue FromBoolean(bool value, int column) => new(RawKind.Boolean, column) { Boolean = value };

    public static RawValue FromNumber(double value, bool isInteger, int column) =>
        new(RawKind.Number, column) { Number = value, IsIntegerLiteral = isInteger };

    public static RawValue FromString(string value, int column) => new(RawKind.String, column) { Text = value };

    public static RawValue FromList(IReadOnlyList<RawValue> items, int column) => new(RawKind.List, column) { Items = items };

    public static RawValue FromNode(RawNode node) => new(RawKind.Node, node.Column) { Node = node };

    public static RawValue FromPipeline(IReadOnlyList<RawNode> steps, int column) => new(RawKind.Pipeline, column) { Steps = steps };

    public static RawValue FromDict(IReadOnlyList<KeyValuePair<string, RawValue>> entries, int column) =>
        new(RawKind.Dict, column) { Entries = entries };

    public string Describe() => Kind switch
    {
        RawKind.Null => "None",
        RawKind.Boolean => "a boolean",
        RawKind.Number => "a number",
        RawKind.String => "a string",
        RawKind.List => "a list",
        RawKind.Pipeline => "a pipeline",
        RawKind.Dict => "a dict",
        _ => $"'{Node!.Name}'",
    };
}
