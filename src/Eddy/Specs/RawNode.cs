namespace Eddy.Specs;

/// <summary>
/// An untyped named element (<c>LogisticRegression(l2=0.1)</c>, <c>{"SGD": {"lr": 0.1}}</c>) or a union of
/// sub-pipelines, as read from JSON or an expression.
/// </summary>
internal sealed class RawNode
{
    public RawNode(string name, IReadOnlyList<Argument> arguments, int column, IReadOnlyList<IReadOnlyList<RawNode>>? members = null)
    {
        Name = name;
        Arguments = arguments;
        Column = column;
        Members = members;
    }

    public string Name { get; }

    /// <summary>Arguments in the order written; positional ones (expressions only) have no name.</summary>
    public IReadOnlyList<Argument> Arguments { get; }

    public int Column { get; }

    /// <summary>Non-null for a union: each member is a sub-pipeline.</summary>
    public IReadOnlyList<IReadOnlyList<RawNode>>? Members { get; }

    public static RawNode Union(IReadOnlyList<IReadOnlyList<RawNode>> members, int column) => new(SpecNode.UnionName, [], column, members);

    public readonly record struct Argument(string? Name, RawValue Value);
}
