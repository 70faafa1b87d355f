using System.Globalization;

namespace Eddy.Base;

/// <summary>
/// A target without boxing: a boolean, an integer or string class, or a real number. Equality follows Python's,
/// as River's class dictionaries do: <c>True == 1</c> and <c>1 == 1.0</c> name the same class, so a client that
/// sends 0/1 trains the same binary model as one that sends false/true.
/// </summary>
public readonly struct Label : IEquatable<Label>
{
    private readonly double _number;
    private readonly string? _text;

    private Label(LabelKind kind, double number, string? text)
    {
        Kind = kind;
        _number = number;
        _text = text;
    }

    public static Label None => default;

    public static Label True { get; } = new(LabelKind.Boolean, 1, null);

    public static Label False { get; } = new(LabelKind.Boolean, 0, null);

    public LabelKind Kind { get; }

    public bool IsNone => Kind == LabelKind.None;

    public static Label FromBoolean(bool value) => value ? True : False;

    public static Label FromInteger(long value) => new(LabelKind.Integer, value, null);

    public static Label FromText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Label(LabelKind.Text, 0, value);
    }

    /// <summary>A real-valued target; NaN and ±∞ are refused here, at the edge.</summary>
    public static Label FromNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new InvalidLabelException($"The label {value.ToString(CultureInfo.InvariantCulture)} is not finite.");
        }

        return new Label(LabelKind.Number, value, null);
    }

    public static implicit operator Label(bool value) => FromBoolean(value);

    public static implicit operator Label(int value) => FromInteger(value);

    public static implicit operator Label(long value) => FromInteger(value);

    public static implicit operator Label(string value) => FromText(value);

    public static implicit operator Label(double value) => FromNumber(value);

    public static bool operator ==(Label left, Label right) => left.Equals(right);

    public static bool operator !=(Label left, Label right) => !left.Equals(right);

    public bool IsNumeric => Kind is LabelKind.Boolean or LabelKind.Integer or LabelKind.Number;

    /// <summary>The text of a string class.</summary>
    public string Text => _text ?? throw new InvalidOperationException($"The label {this} is not a string.");

    /// <summary>Numeric value (booleans are 0/1); for text or none, throws <see cref="InvalidLabelException"/>.</summary>
    public double ToDouble()
    {
        if (!IsNumeric)
        {
            throw new InvalidLabelException(Kind == LabelKind.None
                ? "The label is missing."
                : $"The label {this} is not a number.");
        }

        return _number;
    }

    /// <summary>
    /// Reads a binary target as River does: <c>true/false</c> or the integers <c>1/0</c> (Python's <c>1 == True</c>).
    /// Anything else throws <see cref="InvalidLabelException"/>.
    /// </summary>
    public bool ToBinary()
    {
        if (IsNumeric && (_number == 0 || _number == 1))
        {
            return _number == 1;
        }

        throw new InvalidLabelException(Kind == LabelKind.None
            ? "The label is missing."
            : $"A binary classifier needs true/false or 1/0 as its label, not {this}.");
    }

    public bool Equals(Label other)
    {
        if (IsNumeric && other.IsNumeric)
        {
            return _number == other._number;
        }

        return Kind == other.Kind && string.Equals(_text, other._text, StringComparison.Ordinal);
    }

    public override bool Equals(object? obj) => obj is Label other && Equals(other);

    public override int GetHashCode() =>
        IsNumeric ? _number.GetHashCode() : HashCode.Combine(Kind, _text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text));

    /// <summary>Python's repr, so printed classes read as River prints them.</summary>
    public override string ToString() => Kind switch
    {
        LabelKind.None => "None",
        LabelKind.Boolean => _number == 1 ? "True" : "False",
        LabelKind.Integer => ((long)_number).ToString(CultureInfo.InvariantCulture),
        LabelKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        _ => _text!,
    };

    /// <summary>Raw double for serialization (booleans and integers are stored exactly).</summary>
    internal double RawNumber => _number;

    internal string? RawText => _text;

    internal static Label FromRaw(LabelKind kind, double number, string? text) => kind switch
    {
        LabelKind.None => None,
        LabelKind.Boolean => number == 1 ? True : False,
        LabelKind.Text => FromText(text ?? throw new InvalidDataException("A text label without text.")),
        _ => new Label(kind, number, null),
    };
}
