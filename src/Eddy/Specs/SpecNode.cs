namespace Eddy.Specs;

/// <summary>
/// One named element of a spec: a pipeline step, or a nested optimizer, scheduler, loss or metric, with the
/// parameters the spec gives it (in the catalogue's order; the others keep River's defaults). A
/// <c>TransformerUnion</c> step has no parameters and lists its members, each a sub-pipeline.
/// </summary>
public sealed class SpecNode : IEquatable<SpecNode>
{
    public const string UnionName = "TransformerUnion";

    internal SpecNode(
        string name,
        ComponentFamily family,
        IReadOnlyList<KeyValuePair<string, SpecValue>> parameters,
        IReadOnlyList<IReadOnlyList<SpecNode>>? members = null,
        string? variadic = null)
    {
        Name = name;
        Variadic = variadic;
        Family = family;
        Parameters = parameters;
        Members = members ?? [];
    }

    /// <summary>The catalogue name, as River spells it: <c>LogisticRegression</c>, <c>SGD</c>, <c>ROCAUC</c>.</summary>
    public string Name { get; }

    public ComponentFamily Family { get; }

    /// <summary>The parameters set explicitly, in the catalogue's order.</summary>
    public IReadOnlyList<KeyValuePair<string, SpecValue>> Parameters { get; }

    /// <summary>The members of a union (each a pipeline of one or more transformers); empty for other nodes.</summary>
    public IReadOnlyList<IReadOnlyList<SpecNode>> Members { get; }

    public bool IsUnion => Members.Count > 0;

    /// <summary>The parameter that takes positional arguments (<c>keys</c> of <c>Select('a', 'b')</c>), for printing.</summary>
    internal string? Variadic { get; }

    public bool TryGetParameter(string name, out SpecValue value)
    {
        foreach (KeyValuePair<string, SpecValue> parameter in Parameters)
        {
            if (parameter.Key == name)
            {
                value = parameter.Value;
                return true;
            }
        }

        value = SpecValue.None;
        return false;
    }

    public bool Equals(SpecNode? other)
    {
        if (other is null || other.Name != Name || other.Family != Family
            || other.Parameters.Count != Parameters.Count || other.Members.Count != Members.Count)
        {
            return false;
        }

        for (int i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].Key != other.Parameters[i].Key || !Parameters[i].Value.Equals(other.Parameters[i].Value))
            {
                return false;
            }
        }

        for (int i = 0; i < Members.Count; i++)
        {
            if (!SequenceEquals(Members[i], other.Members[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as SpecNode);

    public override int GetHashCode() => HashCode.Combine(Name, Family, Parameters.Count, Members.Count);

    /// <summary>River's expression form of the node.</summary>
    public override string ToString() => SpecWriter.ExpressionOf(this);

    internal static bool SequenceEquals(IReadOnlyList<SpecNode> left, IReadOnlyList<SpecNode> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (int i = 0; i < left.Count; i++)
        {
            if (!left[i].Equals(right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
