using System.Diagnostics;
using System.Globalization;

namespace Eddy.Base;

/// <summary>
/// One example's features: (index, value) pairs in insertion order, indices interned in a <see cref="FeatureSchema"/>.
/// The buffers are reused across examples, so building, transforming and learning allocate nothing in steady state.
/// </summary>
/// <remarks>
/// <para>A feature is present or absent, as a key is in River's dict: absent features are not updated by learners.
/// Insertion order is kept because River sums in dict order; keeping it keeps dot products bit-identical.</para>
/// <para>A name not in the schema is interned when <see cref="Interning"/> is on (the learn path) and otherwise kept
/// as a <em>transient</em> feature with a negative index (the predict path): estimators size their arrays by the
/// schema and read any index outside them as "never seen", so predicting never writes.</para>
/// <para>Categorical values (strings) carry a symbol interned in the schema and a value of 0; numeric estimators reject
/// them with <see cref="InvalidFeatureException"/>, encoders (one-hot, hashing) consume them.</para>
/// </remarks>
public sealed class FeatureVector
{
    /// <summary>Symbol of a numeric feature.</summary>
    public const int NoSymbol = -1;

    private int[] _indices;
    private double[] _values;
    private int[] _symbols;
    private string?[] _transientNames;
    private string?[] _transientSymbols;
    private int _count;
    private int _transientCount;
    private int _firstNonFinite = -1;
    private int _categoricalCount;

    public FeatureVector(FeatureSchema schema, int capacity = 16)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Schema = schema;
        capacity = Math.Max(capacity, 4);
        _indices = new int[capacity];
        _values = new double[capacity];
        _symbols = new int[capacity];
        _transientNames = new string?[4];
        _transientSymbols = new string?[4];
    }

    /// <summary>The schema the indices refer to; one per model.</summary>
    public FeatureSchema Schema { get; private set; }

    /// <summary>When true, unknown names are interned into <see cref="Schema"/>; when false they stay transient.</summary>
    public bool Interning { get; set; } = true;

    public int Count => _count;

    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, _count);

    public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);

    /// <summary>Categorical symbol per feature, <see cref="NoSymbol"/> for numeric ones.</summary>
    public ReadOnlySpan<int> Symbols => _symbols.AsSpan(0, _count);

    /// <summary>True when some value is NaN or ±∞; learners and predictors reject such vectors.</summary>
    public bool HasNonFinite => _firstNonFinite >= 0;

    public bool HasCategorical => _categoricalCount > 0;

    public bool HasTransient => _transientCount > 0;

    public int IndexAt(int position) => _indices[position];

    public double ValueAt(int position) => _values[position];

    public int SymbolAt(int position) => _symbols[position];

    public void Clear()
    {
        _count = 0;
        _transientCount = 0;
        _firstNonFinite = -1;
        _categoricalCount = 0;
        Array.Clear(_transientNames, 0, _transientNames.Length);
        Array.Clear(_transientSymbols, 0, _transientSymbols.Length);
    }

    /// <summary>Clears and rebinds to another schema (pooled vectors move between models).</summary>
    public void Reset(FeatureSchema schema, bool interning)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Clear();
        Schema = schema;
        Interning = interning;
    }

    /// <summary>Appends a feature by index. The index must not already be present.</summary>
    public void Add(int index, double value)
    {
        Debug.Assert(PositionOf(index) < 0, "A feature appears at most once per example.");
        Append(index, value, NoSymbol);
    }

    /// <summary>Appends a categorical feature by index and symbol.</summary>
    public void AddCategorical(int index, int symbol)
    {
        Debug.Assert(PositionOf(index) < 0, "A feature appears at most once per example.");
        Append(index, 0.0, symbol);
        _categoricalCount++;
    }

    /// <summary>Sets a numeric feature by name; replaces the value if the name is already present.</summary>
    public void Set(ReadOnlySpan<char> name, double value)
    {
        int index = Resolve(name);
        int position = PositionOf(index);
        if (position >= 0)
        {
            ReplaceAt(position, value, NoSymbol);
            return;
        }

        Append(index, value, NoSymbol);
    }

    /// <summary>Sets a categorical feature by name.</summary>
    public void SetCategorical(ReadOnlySpan<char> name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int index = Resolve(name);
        int symbol = ResolveSymbol(value);
        int position = PositionOf(index);
        if (position >= 0)
        {
            ReplaceAt(position, 0.0, symbol);
            return;
        }

        Append(index, 0.0, symbol);
        _categoricalCount++;
    }

    /// <summary>Adds <paramref name="value"/> to the feature at <paramref name="index"/>, appending it if absent (hashing tricks).</summary>
    public void Accumulate(int index, double value)
    {
        int position = PositionOf(index);
        if (position < 0)
        {
            Append(index, value, NoSymbol);
            return;
        }

        ReplaceAt(position, _values[position] + value, NoSymbol);
    }

    /// <summary>Position of <paramref name="index"/> in this vector, or -1.</summary>
    public int PositionOf(int index)
    {
        ReadOnlySpan<int> indices = Indices;

        // Features usually arrive in the order the schema interned them: then the index is the position (a feature
        // appears at most once, so a match is the only one).
        if ((uint)index < (uint)indices.Length && indices[index] == index)
        {
            return index;
        }

        for (int i = 0; i < indices.Length; i++)
        {
            if (indices[i] == index)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Value of <paramref name="index"/>, or 0 when absent.</summary>
    public double Get(int index)
    {
        int position = PositionOf(index);
        return position < 0 ? 0.0 : _values[position];
    }

    /// <summary>Resolves a name: interned when <see cref="Interning"/>, else existing or a new transient index.</summary>
    public int Resolve(ReadOnlySpan<char> name)
    {
        if (Schema.TryGetIndex(name, out int index))
        {
            return index;
        }

        if (Interning)
        {
            return Schema.Intern(name);
        }

        for (int t = 0; t < _transientCount; t++)
        {
            if (name.SequenceEqual(_transientNames[t]))
            {
                return TransientIndex(t);
            }
        }

        if (_transientCount == _transientNames.Length)
        {
            Array.Resize(ref _transientNames, _transientCount * 2);
        }

        _transientNames[_transientCount] = name.ToString();
        return TransientIndex(_transientCount++);
    }

    /// <summary>Resolves a categorical value to a symbol, transient (negative) when not interning and unknown.</summary>
    public int ResolveSymbol(string value)
    {
        if (Schema.TryGetSymbol(value, out int symbol))
        {
            return symbol;
        }

        if (Interning)
        {
            return Schema.InternSymbol(value);
        }

        for (int t = 0; t < _transientSymbols.Length && _transientSymbols[t] is not null; t++)
        {
            if (string.Equals(_transientSymbols[t], value, StringComparison.Ordinal))
            {
                return -2 - t;
            }
        }

        int slot = Array.IndexOf(_transientSymbols, null);
        if (slot < 0)
        {
            slot = _transientSymbols.Length;
            Array.Resize(ref _transientSymbols, slot * 2);
        }

        _transientSymbols[slot] = value;
        return -2 - slot;
    }

    /// <summary>Name of a feature index, interned or transient.</summary>
    public string NameOf(int index) =>
        index >= 0 ? Schema.NameOf(index) : _transientNames[-1 - index] ?? throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Text of a categorical symbol, interned or transient.</summary>
    public string SymbolText(int symbol) =>
        symbol >= 0 ? Schema.SymbolOf(symbol) : _transientSymbols[-2 - symbol] ?? throw new ArgumentOutOfRangeException(nameof(symbol));

    /// <summary>
    /// Throws <see cref="InvalidFeatureException"/> when a value is not finite, or when a categorical value reaches
    /// an estimator that needs numbers (<paramref name="numericOnly"/>).
    /// </summary>
    public void Validate(bool numericOnly)
    {
        if (_firstNonFinite >= 0)
        {
            double value = _values[_firstNonFinite];
            throw new InvalidFeatureException(
                NameOf(_indices[_firstNonFinite]),
                $"value {value.ToString(CultureInfo.InvariantCulture)} is not finite; only finite numbers can be learned from or predicted on.");
        }

        if (numericOnly && _categoricalCount > 0)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_symbols[i] != NoSymbol)
                {
                    throw new InvalidFeatureException(
                        NameOf(_indices[i]),
                        $"the categorical value '{SymbolText(_symbols[i])}' needs an encoder (OneHotEncoder, FeatureHasher) before this estimator.");
                }
            }
        }
    }

    /// <summary>Copies this vector's features into <paramref name="destination"/>, which keeps its own interning mode.</summary>
    public void CopyTo(FeatureVector destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Reset(Schema, destination.Interning);
        for (int i = 0; i < _count; i++)
        {
            destination.AppendFrom(this, i);
        }
    }

    /// <summary>
    /// Appends the feature at <paramref name="position"/> of <paramref name="source"/> with a new value, keeping its
    /// name: transient names are re-resolved here, as they are local to each vector. Transformers use this to
    /// pass features through.
    /// </summary>
    public void AppendFrom(FeatureVector source, int position, double value)
    {
        ArgumentNullException.ThrowIfNull(source);
        int index = source._indices[position];
        if (index < 0)
        {
            index = Resolve(source.NameOf(index));
        }

        Append(index, value, NoSymbol);
    }

    /// <summary>Appends the feature at <paramref name="position"/> of <paramref name="source"/> unchanged (value or category).</summary>
    public void AppendFrom(FeatureVector source, int position)
    {
        ArgumentNullException.ThrowIfNull(source);
        int index = source._indices[position];
        int symbol = source._symbols[position];
        if (index < 0)
        {
            index = Resolve(source.NameOf(index));
        }

        if (symbol < NoSymbol)
        {
            symbol = ResolveSymbol(source.SymbolText(symbol));
        }

        Append(index, source._values[position], symbol);
        if (symbol != NoSymbol)
        {
            _categoricalCount++;
        }
    }

    /// <summary>River's <c>dict.update</c>: every feature of <paramref name="source"/> is set here, replacing equal names.</summary>
    public void MergeFrom(FeatureVector source)
    {
        ArgumentNullException.ThrowIfNull(source);
        for (int i = 0; i < source._count; i++)
        {
            int index = source._indices[i];
            if (index < 0)
            {
                index = Resolve(source.NameOf(index));
            }

            int position = PositionOf(index);
            if (position < 0)
            {
                AppendFrom(source, i);
                continue;
            }

            int symbol = source._symbols[i];
            if (symbol < NoSymbol)
            {
                symbol = ResolveSymbol(source.SymbolText(symbol));
            }

            ReplaceAt(position, source._values[i], symbol);
        }
    }

    public override string ToString()
    {
        var parts = new string[_count];
        for (int i = 0; i < _count; i++)
        {
            string value = _symbols[i] == NoSymbol
                ? _values[i].ToString("R", CultureInfo.InvariantCulture)
                : $"'{SymbolText(_symbols[i])}'";
            parts[i] = $"'{NameOf(_indices[i])}': {value}";
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private static int TransientIndex(int slot) => -1 - slot;

    private void Append(int index, double value, int symbol)
    {
        if (_count == _indices.Length)
        {
            int capacity = _count * 2;
            Array.Resize(ref _indices, capacity);
            Array.Resize(ref _values, capacity);
            Array.Resize(ref _symbols, capacity);
        }

        if (!double.IsFinite(value) && _firstNonFinite < 0)
        {
            _firstNonFinite = _count;
        }

        _indices[_count] = index;
        _values[_count] = value;
        _symbols[_count] = symbol;
        _count++;
    }

    private void ReplaceAt(int position, double value, int symbol)
    {
        if (_symbols[position] != NoSymbol)
        {
            _categoricalCount--;
        }

        if (symbol != NoSymbol)
        {
            _categoricalCount++;
        }

        _values[position] = value;
        _symbols[position] = symbol;
        _firstNonFinite = -1;
        for (int i = 0; i < _count; i++)
        {
            if (!double.IsFinite(_values[i]))
            {
                _firstNonFinite = i;
                break;
            }
        }
    }
}
