using Eddy.Serialization;

namespace Eddy.Base;

/// <summary>
/// Interns feature names (and categorical values) to dense indices, once per model, so the learn and predict
/// loops index arrays instead of hashing strings. Append-only: an index, once given, always names the same
/// feature, which is what lets estimators size their state arrays lazily and read unseen indices as zero.
/// </summary>
/// <remarks>
/// Only the single writer (the code calling <c>LearnOne</c>) may intern. Predictions look names up without
/// interning: an unknown name becomes a transient feature of the <see cref="FeatureVector"/> instead
/// (River's emerging features, without a read that writes).
/// </remarks>
public sealed class FeatureSchema
{
    private const byte StateVersion = 1;

    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _symbolByValue = new(StringComparer.Ordinal);
    private readonly List<string> _symbols = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _symbolLookup;

    public FeatureSchema()
    {
        _nameLookup = _indexByName.GetAlternateLookup<ReadOnlySpan<char>>();
        _symbolLookup = _symbolByValue.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of interned feature names; every index is in [0, Count).</summary>
    public int Count => _names.Count;

    /// <summary>Number of interned categorical values.</summary>
    public int SymbolCount => _symbols.Count;

    public string NameOf(int index) => _names[index];

    public string SymbolOf(int symbol) => _symbols[symbol];

    public int Intern(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_indexByName.TryGetValue(name, out int index))
        {
            return index;
        }

        index = _names.Count;
        _names.Add(name);
        _indexByName.Add(name, index);
        return index;
    }

    public int Intern(ReadOnlySpan<char> name)
    {
        if (_nameLookup.TryGetValue(name, out int index))
        {
            return index;
        }

        return Intern(name.ToString());
    }

    public bool TryGetIndex(string name, out int index) => _indexByName.TryGetValue(name, out index);

    public bool TryGetIndex(ReadOnlySpan<char> name, out int index) => _nameLookup.TryGetValue(name, out index);

    public int InternSymbol(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_symbolByValue.TryGetValue(value, out int symbol))
        {
            return symbol;
        }

        symbol = _symbols.Count;
        _symbols.Add(value);
        _symbolByValue.Add(value, symbol);
        return symbol;
    }

    public bool TryGetSymbol(ReadOnlySpan<char> value, out int symbol) => _symbolLookup.TryGetValue(value, out symbol);

    public FeatureSchema Clone()
    {
        var copy = new FeatureSchema();
        foreach (string name in _names)
        {
            copy.Intern(name);
        }

        foreach (string symbol in _symbols)
        {
            copy.InternSymbol(symbol);
        }

        return copy;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(FeatureSchema), StateVersion);
        writer.WriteInt32(_names.Count);
        foreach (string name in _names)
        {
            writer.WriteString(name);
        }

        writer.WriteInt32(_symbols.Count);
        foreach (string symbol in _symbols)
        {
            writer.WriteString(symbol);
        }
    }

    /// <summary>Replaces this schema's contents with the state read; validates everything before committing.</summary>
    public void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(FeatureSchema), StateVersion);
        string[] names = ReadDistinctStrings(reader, "feature name");
        string[] symbols = ReadDistinctStrings(reader, "categorical value");

        _names.Clear();
        _indexByName.Clear();
        _symbols.Clear();
        _symbolByValue.Clear();
        foreach (string name in names)
        {
            Intern(name);
        }

        foreach (string symbol in symbols)
        {
            InternSymbol(symbol);
        }
    }

    private static string[] ReadDistinctStrings(StateReader reader, string what)
    {
        int count = reader.ReadCount();
        var values = new string[count];
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.ReadString();
            if (!seen.Add(values[i]))
            {
                throw new SnapshotFormatException($"The schema repeats the {what} '{values[i]}'.");
            }
        }

        return values;
    }
}
