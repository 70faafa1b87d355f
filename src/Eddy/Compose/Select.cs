using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Compose;

/// <summary>
/// River: <c>compose.Select</c>. Keeps the named features (numbers or categories) and drops the others.
/// </summary>
/// <remarks>
/// Features keep their input order (River iterates its key set, whose order Python does not fix). A named
/// feature the example lacks is simply absent from the output, where River raises a <c>KeyError</c>: absent
/// features are ordinary in a stream. Stateless: nothing is cached, so transforming never writes.
/// </remarks>
public sealed class Select : Transformer
{
    private const byte StateVersion = 1;
    private readonly HashSet<string> _keys;

    public Select(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
            _keys.Add(key);
        }
    }

    /// <summary>The kept names, sorted as River prints them.</summary>
    public IReadOnlyList<string> Keys => SortedKeys(_keys);

    public override bool AcceptsCategorical => true;

    protected override void LearnCore(FeatureVector x) => ValidateInput(x);

    protected override void TransformCore(FeatureVector x, FeatureVector output)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(output);
        output.Reset(x.Schema, output.Interning);
        for (int i = 0; i < x.Count; i++)
        {
            if (_keys.Contains(x.NameOf(x.IndexAt(i))))
            {
                output.AppendFrom(x, i);
            }
        }
    }

    public override Estimator CloneFresh() => new Select([.. _keys]);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(Select), StateVersion);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(Select), StateVersion);
    }

    /// <summary>River's repr: <c>Select (\n  a\n  b\n)</c>, keys sorted.</summary>
    public override string ToString() => Describe(nameof(Select), _keys);

    internal static string[] SortedKeys(HashSet<string> keys)
    {
        string[] sorted = [.. keys];
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    internal static string Describe(string name, HashSet<string> keys) =>
        keys.Count == 0 ? name + " ()" : name + " (\n  " + string.Join("\n  ", SortedKeys(keys)) + "\n)";
}
