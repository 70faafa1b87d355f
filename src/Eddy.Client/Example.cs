using System.Collections;
using System.Text.Json;

namespace Eddy.Client;

/// <summary>
/// The features of one example: feature name → number, boolean, string (a category) or null (missing), in insertion
/// order. The order is kept on the wire because the server sums features in arrival order, as River does, so the same
/// example sent twice gives the same bits. Written with <see cref="Utf8JsonWriter"/>, no reflection.
/// </summary>
public sealed class Example : IEnumerable<KeyValuePair<string, EddyValue>>
{
    private const int IndexThreshold = 16;

    private readonly List<KeyValuePair<string, EddyValue>> _features;

    // Built once an example is wide, so setting n features stays O(n).
    private Dictionary<string, int>? _index;

    public Example()
    {
        _features = [];
    }

    public Example(int capacity)
    {
        _features = new List<KeyValuePair<string, EddyValue>>(capacity);
    }

    public Example(IEnumerable<KeyValuePair<string, EddyValue>> features)
        : this()
    {
        ArgumentNullException.ThrowIfNull(features);
        foreach (KeyValuePair<string, EddyValue> feature in features)
        {
            this[feature.Key] = feature.Value;
        }
    }

    public int Count => _features.Count;

    /// <summary>Gets a feature (<see cref="EddyValue.Null"/> when absent) or sets it, replacing it in place if present.</summary>
    public EddyValue this[string name]
    {
        get
        {
            int position = IndexOf(name);
            return position < 0 ? EddyValue.Null : _features[position].Value;
        }

        set
        {
            int position = IndexOf(name);
            if (position < 0)
            {
                Append(name, value);
            }
            else
            {
                _features[position] = new KeyValuePair<string, EddyValue>(name, value);
            }
        }
    }

    /// <summary>Adds a feature (collection initializers: <c>new Example { { "age", 42 }, { "city", "Lyon" } }</c>).</summary>
    public void Add(string name, EddyValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IndexOf(name) >= 0)
        {
            throw new ArgumentException($"The feature '{name}' is already set.", nameof(name));
        }

        Append(name, value);
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    public void Clear()
    {
        _features.Clear();
        _index = null;
    }

    public List<KeyValuePair<string, EddyValue>>.Enumerator GetEnumerator() => _features.GetEnumerator();

    IEnumerator<KeyValuePair<string, EddyValue>> IEnumerable<KeyValuePair<string, EddyValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes the features object <c>{"name": value, ...}</c>.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, EddyValue> feature in _features)
        {
            writer.WritePropertyName(feature.Key);
            feature.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private void Append(string name, EddyValue value)
    {
        _features.Add(new KeyValuePair<string, EddyValue>(name, value));
        if (_index is not null)
        {
            _index[name] = _features.Count - 1;
        }
        else if (_features.Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_features.Count * 2, StringComparer.Ordinal);
            for (int i = 0; i < _features.Count; i++)
            {
                _index[_features[i].Key] = i;
            }
        }
    }

    /// <summary>A scan while the example is narrow (cheaper than hashing a few names), the index once it is wide.</summary>
    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_index is not null)
        {
            return _index.TryGetValue(name, out int position) ? position : -1;
        }

        for (int i = 0; i < _features.Count; i++)
        {
            if (string.Equals(_features[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
