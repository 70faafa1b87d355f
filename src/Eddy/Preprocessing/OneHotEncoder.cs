using System.Buffers;
using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Preprocessing;

/// <summary>
/// River: <c>preprocessing.OneHotEncoder</c> (≥ 0.19 parameters, without <c>categories</c>). Every feature becomes
/// <c>"{feature}_{value}"</c> = 1; unless <see cref="DropZeros"/>, every (feature, value) pair learned so far is
/// also output as 0, first and in the order learned, as River's <c>_zero_dict</c> is.
/// </summary>
/// <remarks>
/// <para>Values are categorical symbols or numbers. A number is spelled as Python's <c>str(float)</c> spells it
/// (<c>"1.0"</c>, <c>"2.5"</c>, <c>"1e-05"</c>): Eddy's features are doubles, so an integer River would print as
/// <c>"1"</c> prints as <c>"1.0"</c> here.</para>
/// <para>Names are interned when learning (and when the output interns); transforming an unknown value makes a
/// transient name and never changes the encoder. With <see cref="DropFirst"/>, the smallest output name in
/// ordinal order is dropped (Python's <c>min</c> over code points; they differ only beyond the BMP).</para>
/// </remarks>
public sealed class OneHotEncoder : Transformer
{
    private const byte StateVersion = 1;
    private const int StackLimit = 128;

    // _entries[k] was learned k-th and is named _outputs[_slots[k]]; _outputs holds each output name once.
    private readonly Dictionary<OneHotKey, int> _slotByKey = [];
    private readonly Dictionary<int, int> _slotByOutput = [];
    private readonly List<OneHotKey> _entries = [];
    private readonly List<int> _slots = [];
    private readonly List<int> _outputs = [];

    /// <param name="dropZeros">Leave out the 0s of the values not present (River's <c>drop_zeros</c>).</param>
    /// <param name="dropFirst">Drop the smallest output name, giving k − 1 dummies (River's <c>drop_first</c>).</param>
    public OneHotEncoder(bool dropZeros = false, bool dropFirst = false)
    {
        DropZeros = dropZeros;
        DropFirst = dropFirst;
    }

    public bool DropZeros { get; }

    public bool DropFirst { get; }

    public override bool AcceptsCategorical => true;

    /// <summary>How many distinct output names the encoder knows.</summary>
    public int KnownCount => _outputs.Count;

    protected override void LearnCore(FeatureVector x)
    {
        ValidateInput(x);
        FeatureSchema schema = x.Schema;
        for (int i = 0; i < x.Count; i++)
        {
            int feature = x.IndexAt(i);
            int symbol = x.SymbolAt(i);
            feature = feature >= 0 ? feature : schema.Intern(x.NameOf(feature));
            symbol = symbol >= FeatureVector.NoSymbol ? symbol : schema.InternSymbol(x.SymbolText(symbol));
            var key = new OneHotKey(feature, symbol, symbol == FeatureVector.NoSymbol ? BitConverter.DoubleToInt64Bits(x.ValueAt(i)) : 0);
            if (!_slotByKey.ContainsKey(key))
            {
                Remember(key, schema.Intern(OutputName(x, i)));
            }
        }
    }

    protected override void TransformCore(FeatureVector x, FeatureVector output)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(output);
        output.Reset(x.Schema, output.Interning);
        if (!DropFirst)
        {
            Encode(x, output);
            return;
        }

        FeatureVector full = ScratchPool.RentVector(x.Schema, output.Interning);
        try
        {
            Encode(x, full);
            int smallest = -1;
            for (int i = 0; i < full.Count; i++)
            {
                if (smallest < 0 || string.CompareOrdinal(full.NameOf(full.IndexAt(i)), full.NameOf(full.IndexAt(smallest))) < 0)
                {
                    smallest = i;
                }
            }

            for (int i = 0; i < full.Count; i++)
            {
                if (i != smallest)
                {
                    output.AppendFrom(full, i);
                }
            }
        }
        finally
        {
            ScratchPool.Return(full);
        }
    }

    public override Estimator CloneFresh() => new OneHotEncoder(DropZeros, DropFirst);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(OneHotEncoder), StateVersion);
        writer.WriteInt32(_entries.Count);
        for (int k = 0; k < _entries.Count; k++)
        {
            writer.WriteInt32(_entries[k].Feature);
            writer.WriteInt32(_entries[k].Symbol);
            writer.WriteInt64(_entries[k].Bits);
            writer.WriteInt32(_outputs[_slots[k]]);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(OneHotEncoder), StateVersion);
        int count = reader.ReadCount();
        var keys = new OneHotKey[count];
        var outputs = new int[count];
        var seen = new HashSet<OneHotKey>(count);
        for (int k = 0; k < count; k++)
        {
            keys[k] = new OneHotKey(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64());
            outputs[k] = reader.ReadInt32();
            StateReader.Require(
                keys[k].Feature >= 0 && keys[k].Symbol >= FeatureVector.NoSymbol && outputs[k] >= 0,
                "A one-hot entry has a negative index.");
            StateReader.Require(seen.Add(keys[k]), "A one-hot entry is repeated.");
        }

        _slotByKey.Clear();
        _slotByOutput.Clear();
        _entries.Clear();
        _slots.Clear();
        _outputs.Clear();
        for (int k = 0; k < count; k++)
        {
            Remember(keys[k], outputs[k]);
        }
    }

    public override string ToString() =>
        $"OneHotEncoder(drop_zeros={(DropZeros ? "True" : "False")}, drop_first={(DropFirst ? "True" : "False")})";

    private static string OutputName(FeatureVector x, int position)
    {
        int symbol = x.SymbolAt(position);
        string value = symbol == FeatureVector.NoSymbol ? PythonFloat.Repr(x.ValueAt(position)) : x.SymbolText(symbol);
        return string.Concat(x.NameOf(x.IndexAt(position)), "_", value);
    }

    private void Remember(OneHotKey key, int output)
    {
        if (!_slotByOutput.TryGetValue(output, out int slot))
        {
            slot = _outputs.Count;
            _outputs.Add(output);
            _slotByOutput.Add(output, slot);
        }

        _slotByKey.Add(key, slot);
        _entries.Add(key);
        _slots.Add(slot);
    }

    /// <summary>River's order: the learned names (0, or 1 when present) first, then new names in input order.</summary>
    private void Encode(FeatureVector x, FeatureVector target)
    {
        int known = DropZeros ? 0 : _outputs.Count;
        bool[]? rentedMarks = known > StackLimit ? ArrayPool<bool>.Shared.Rent(known) : null;
        int[]? rentedIndices = x.Count > StackLimit ? ArrayPool<int>.Shared.Rent(x.Count) : null;
        Span<bool> ones = rentedMarks is null ? stackalloc bool[StackLimit] : rentedMarks;
        Span<int> appended = rentedIndices is null ? stackalloc int[StackLimit] : rentedIndices;
        ones = ones[..known];
        ones.Clear();
        try
        {
            int newCount = 0;
            for (int i = 0; i < x.Count; i++)
            {
                int slot = KnownSlot(x, i);
                int index = slot >= 0 ? _outputs[slot] : target.Resolve(OutputName(x, i));
                if (_slotByOutput.TryGetValue(index, out int zeroSlot) && zeroSlot < known)
                {
                    ones[zeroSlot] = true;
                }
                else if (!appended[..newCount].Contains(index))
                {
                    appended[newCount++] = index;
                }
            }

            for (int s = 0; s < known; s++)
            {
                target.Add(_outputs[s], ones[s] ? 1.0 : 0.0);
            }

            foreach (int index in appended[..newCount])
            {
                target.Add(index, 1.0);
            }
        }
        finally
        {
            if (rentedMarks is not null)
            {
                ArrayPool<bool>.Shared.Return(rentedMarks);
            }

            if (rentedIndices is not null)
            {
                ArrayPool<int>.Shared.Return(rentedIndices);
            }
        }
    }

    private int KnownSlot(FeatureVector x, int position)
    {
        int symbol = x.SymbolAt(position);
        var key = new OneHotKey(x.IndexAt(position), symbol, symbol == FeatureVector.NoSymbol ? BitConverter.DoubleToInt64Bits(x.ValueAt(position)) : 0);
        return key.Feature >= 0 && symbol >= FeatureVector.NoSymbol && _slotByKey.TryGetValue(key, out int slot) ? slot : -1;
    }
}
