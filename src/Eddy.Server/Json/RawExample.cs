using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Server.Json;

/// <summary>
/// An example's features as the client sent them (names and values, in order), not yet interned. Learns carry
/// these to the model's single writer, which alone interns names, so feature indices are assigned in the order the
/// writer applies examples — a sequential replay interns identically, which keeps snapshots bit-identical.
/// Pending predictions keep one too, to learn the exact features later. Reused through <see cref="RawExamplePool"/>.
/// </summary>
internal sealed class RawExample : IFeatureSink
{
    private char[] _chars = new char[256];
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private double[] _values = new double[16];
    private string?[] _categories = new string?[16];
    private int _charCount;
    private bool _needsCheck;

    public int Count { get; private set; }

    public Label Y { get; set; }

    public void Clear()
    {
        Count = 0;
        _charCount = 0;
        Y = Label.None;
        _needsCheck = false;
        Array.Clear(_categories);
    }

    /// <summary>
    /// Whether a model could refuse these features: a category (a numeric-only model refuses it) or a value that is not
    /// finite. Finite numbers alone are acceptable to every model, so checks can skip building a feature vector.
    /// </summary>
    public bool NeedsCheck => _needsCheck;

    public void SetNumber(ReadOnlySpan<char> name, double value) => Append(name, value, null);

    public void SetCategory(ReadOnlySpan<char> name, string value) => Append(name, 0.0, value);

    public ReadOnlySpan<char> NameAt(int i) => _chars.AsSpan(_starts[i], _lengths[i]);

    /// <summary>Whether feature <paramref name="i"/> is a number (not a category).</summary>
    public bool IsNumberAt(int i) => _categories[i] is null;

    /// <summary>Feature <paramref name="i"/>'s category (only for a category).</summary>
    public string CategoryAt(int i) => _categories[i] ?? throw new InvalidOperationException($"Feature {i} is a number.");

    /// <summary>Feature <paramref name="i"/>'s value (0 for a category).</summary>
    public double ValueAt(int i) => _values[i];

    /// <summary>Writes the features into <paramref name="x"/> (cleared first); later duplicates win, as in a JSON object.</summary>
    public void Fill(FeatureVector x)
    {
        x.Clear();
        for (int i = 0; i < Count; i++)
        {
            ReadOnlySpan<char> name = NameAt(i);
            if (_categories[i] is { } category)
            {
                x.SetCategorical(name, category);
            }
            else
            {
                x.Set(name, _values[i]);
            }
        }
    }

    /// <summary>Writes feature <paramref name="i"/> for the log: name, then a kind byte and the value or category.</summary>
    public void WriteFeature(StateWriter writer, int i)
    {
        writer.WriteString(NameAt(i));
        if (_categories[i] is { } category)
        {
            writer.WriteByte(1);
            writer.WriteString(category);
        }
        else
        {
            writer.WriteByte(0);
            writer.WriteDouble(_values[i]);
        }
    }

    /// <summary>Reads one feature written by <see cref="WriteFeature"/> and appends it.</summary>
    public void ReadFeature(StateReader reader)
    {
        // Decoded straight into this example's name buffer: recovery replays millions of these.
        ReadOnlySpan<byte> utf8 = reader.ReadStringUtf8();
        Span<char> name = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        int length = System.Text.Encoding.UTF8.GetChars(utf8, name);
        byte kind = reader.ReadByte();
        if (kind == 1)
        {
            SetCategory(name[..length], reader.ReadString());
            return;
        }

        StateReader.Require(kind == 0, $"Unknown feature kind {kind}.");
        double value = reader.ReadDouble();
        StateReader.Require(double.IsFinite(value), "A logged feature value is not finite.");
        SetNumber(name[..length], value);
    }

    public void CopyTo(RawExample destination)
    {
        destination.Clear();
        for (int i = 0; i < Count; i++)
        {
            destination.Append(NameAt(i), _values[i], _categories[i]);
        }

        destination.Y = Y;
    }

    private void Append(ReadOnlySpan<char> name, double value, string? category)
    {
        if (Count == _starts.Length)
        {
            int capacity = Count * 2;
            Array.Resize(ref _starts, capacity);
            Array.Resize(ref _lengths, capacity);
            Array.Resize(ref _values, capacity);
            Array.Resize(ref _categories, capacity);
        }

        if (_charCount + name.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + name.Length));
        }

        _needsCheck |= category is not null || !double.IsFinite(value);
        name.CopyTo(_chars.AsSpan(_charCount));
        _starts[Count] = _charCount;
        _lengths[Count] = name.Length;
        _values[Count] = value;
        _categories[Count] = category;
        _charCount += name.Length;
        Count++;
    }
}
