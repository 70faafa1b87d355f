using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Compose;

/// <summary>
/// River: <c>compose.Discard</c>. Drops the named features (numbers or categories) and keeps the others, in order.
/// Stateless: nothing is cached, so transforming never writes.
/// </summary>
public sealed class Discard : Transformer
{
    private const byte StateVersion = 1;
    private readonly HashSet<string> _keys;

    public Discard(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
            _keys.Add(key);
        }
    }

    /// <summary>The dropped names, sorted as River prints them.</summary>
    public IReadOnlyList<string> Keys => Select.SortedKeys(_keys);

    public override bool AcceptsCategorical => true;

    protected override void LearnCore(FeatureVector x) => ValidateInput(x);

    protected override void TransformCore(FeatureVector x, FeatureVector output)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(output);
        output.Reset(x.Schema, output.Interning);
        for (int i = 0; i < x.Count; i++)
        {
            if (!_keys.Contains(x.NameOf(x.IndexAt(i))))
            {
                output.AppendFrom(x, i);
            }
        }
    }

    public override Estimator CloneFresh() => new Discard([.. _keys]);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(Discard), StateVersion);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(Discard), StateVersion);
    }

    /// <summary>River's repr: <c>Discard (\n  a\n  b\n)</c>, keys sorted.</summary>
    public override string ToString() => Select.Describe(nameof(Discard), _keys);
}
