using System.Text;
using Eddy.Base;
using Eddy.Serialization;
using Eddy.Stats;

namespace Eddy.FeatureExtraction;

/// <summary>
/// The groups of <see cref="Agg"/> and <see cref="TargetAgg"/>: one copy of the statistic per distinct key, in the
/// order the groups first appeared (River's <c>defaultdict</c>), which is also the order they are saved in.
/// </summary>
/// <remarks>
/// A key holds two numbers per <c>by</c> feature: a tag and a payload. A category is keyed by its symbol in the
/// schema (tag 1), a number by its value's bits (tag 0; −0.0 is keyed as 0.0, since Python's dict finds one with the
/// other), and an absent feature by tag 2 — River would raise KeyError; Eddy groups such rows together instead.
/// With no <c>by</c> the key is empty and every row is one group.
/// </remarks>
internal sealed class AggGroups
{
    private const long NumberTag = 0;
    private const long SymbolTag = 1;
    private const long AbsentTag = 2;
    private const int StackKeyLimit = 64;

    private readonly Univariate _how;
    private readonly string[] _by;
    private readonly Dictionary<long[], int> _groupByKey = new(GroupKeyComparer.Instance);
    private readonly Dictionary<long[], int>.AlternateLookup<ReadOnlySpan<long>> _lookup;
    private readonly List<long[]> _keys = [];
    private readonly List<Univariate> _stats = [];

    public AggGroups(string on, string[] by, Univariate how)
    {
        _by = by;
        _how = how;
        _lookup = _groupByKey.GetAlternateLookup<ReadOnlySpan<long>>();
        var name = new StringBuilder(on).Append('_').Append(how.Name);
        if (by.Length > 0)
        {
            name.Append("_by_").AppendJoin("_and_", by);
        }

        FeatureName = name.ToString();
    }

    /// <summary>River's feature name, e.g. <c>revenue_mean_by_place_and_country</c>.</summary>
    public string FeatureName { get; }

    public int Count => _keys.Count;

    /// <summary>Adds <paramref name="value"/> to the statistic of x's group, creating the group when it is new.</summary>
    public void Learn(FeatureVector x, double value)
    {
        int length = _by.Length * 2;
        Span<long> key = length <= StackKeyLimit ? stackalloc long[length] : new long[length];
        FillKey(x, key, intern: true);
        if (_lookup.TryGetValue(key, out int group))
        {
            _stats[group].Update(value);
            return;
        }

        Univariate fresh = _how.CloneFresh();
        fresh.Update(value);
        long[] stored = key.ToArray();
        _groupByKey.Add(stored, _keys.Count);
        _keys.Add(stored);
        _stats.Add(fresh);
    }

    /// <summary>Writes the statistic of x's group (an unseen group reads as a fresh statistic) into <paramref name="output"/>.</summary>
    public void Transform(FeatureVector x, FeatureVector output)
    {
        output.Reset(x.Schema, output.Interning);
        int length = _by.Length * 2;
        Span<long> key = length <= StackKeyLimit ? stackalloc long[length] : new long[length];
        Univariate statistic = FillKey(x, key, intern: false) && _lookup.TryGetValue(key, out int group) ? _stats[group] : _how;

        // River writes None for a statistic without a value (Max before any update); Eddy leaves the feature out.
        if (statistic.HasValue)
        {
            output.Set(FeatureName, statistic.Get());
        }
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteInt32(_keys.Count);
        for (int g = 0; g < _keys.Count; g++)
        {
            foreach (long part in _keys[g])
            {
                writer.WriteInt64(part);
            }

            _stats[g].WriteState(writer);
        }
    }

    public void ReadState(StateReader reader)
    {
        int count = reader.ReadCount();
        var keys = new long[count][];
        var stats = new Univariate[count];
        var seen = new HashSet<long[]>(count, GroupKeyComparer.Instance);
        for (int g = 0; g < count; g++)
        {
            keys[g] = new long[_by.Length * 2];
            for (int k = 0; k < keys[g].Length; k += 2)
            {
                long tag = reader.ReadInt64();
                long payload = reader.ReadInt64();
                StateReader.Require(
                    tag switch
                    {
                        NumberTag => double.IsFinite(BitConverter.Int64BitsToDouble(payload)),
                        SymbolTag => payload is >= 0 and <= int.MaxValue,
                        AbsentTag => payload == 0,
                        _ => false,
                    },
                    "A group key is invalid.");
                keys[g][k] = tag;
                keys[g][k + 1] = payload;
            }

            StateReader.Require(seen.Add(keys[g]), "A group is repeated.");
            stats[g] = _how.CloneFresh();
            stats[g].ReadState(reader);
        }

        _groupByKey.Clear();
        _keys.Clear();
        _stats.Clear();
        for (int g = 0; g < count; g++)
        {
            _groupByKey.Add(keys[g], g);
            _keys.Add(keys[g]);
            _stats.Add(stats[g]);
        }
    }

    /// <summary>
    /// Fills the key of x's group. Returns false when the key cannot name a learned group (a category unknown to the
    /// schema on the predict path); with <paramref name="intern"/> such categories are interned instead.
    /// </summary>
    private bool FillKey(FeatureVector x, Span<long> key, bool intern)
    {
        bool known = true;
        for (int k = 0; k < _by.Length; k++)
        {
            int position = Find(x, _by[k]);
            if (position < 0)
            {
                key[2 * k] = AbsentTag;
                key[(2 * k) + 1] = 0;
                continue;
            }

            int symbol = x.SymbolAt(position);
            if (symbol == FeatureVector.NoSymbol)
            {
                double value = x.ValueAt(position);
                key[2 * k] = NumberTag;
                key[(2 * k) + 1] = BitConverter.DoubleToInt64Bits(value == 0.0 ? 0.0 : value);
                continue;
            }

            if (symbol < FeatureVector.NoSymbol)
            {
                if (!intern)
                {
                    known = false;
                }

                symbol = intern ? x.Schema.InternSymbol(x.SymbolText(symbol)) : 0;
            }

            key[2 * k] = SymbolTag;
            key[(2 * k) + 1] = symbol;
        }

        return known;
    }

    /// <summary>Position of the feature named <paramref name="name"/> in x (interned or transient), or -1.</summary>
    internal static int Find(FeatureVector x, string name)
    {
        if (x.Schema.TryGetIndex(name, out int index))
        {
            return x.PositionOf(index);
        }

        for (int i = 0; i < x.Count; i++)
        {
            if (x.IndexAt(i) < 0 && string.Equals(x.NameOf(x.IndexAt(i)), name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
