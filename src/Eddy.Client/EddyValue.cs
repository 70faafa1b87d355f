using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eddy.Client;

/// <summary>
/// A feature value or a label as the server reads it: a number, a boolean, a string (a category or a class) or null
/// (a missing feature). Converts implicitly from the C# types, so <c>example["age"] = 42</c> and <c>LearnAsync(m, x, true)</c> read naturally.
/// </summary>
[JsonConverter(typeof(EddyValueConverter))]
public readonly struct EddyValue : IEquatable<EddyValue>
{
    private readonly double _number;
    private readonly string? _text;

    private EddyValue(EddyValueKind kind, double number, string? text)
    {
        Kind = kind;
        _number = number;
        _text = text;
    }

    public static EddyValue Null => default;

    public EddyValueKind Kind { get; }

    public bool IsNull => Kind == EddyValueKind.Null;

    public static EddyValue FromNumber(double value) => new(EddyValueKind.Number, value, null);

    public static EddyValue FromBoolean(bool value) => new(EddyValueKind.Boolean, value ? 1.0 : 0.0, null);

    public static EddyValue FromString(string? value) => value is null ? default : new(EddyValueKind.String, 0.0, value);

    public static implicit operator EddyValue(double value) => FromNumber(value);

    public static implicit operator EddyValue(int value) => FromNumber(value);

    public static implicit operator EddyValue(long value) => FromNumber(value);

    public static implicit operator EddyValue(bool value) => FromBoolean(value);

    public static implicit operator EddyValue(string? value) => FromString(value);

    public static bool operator ==(EddyValue left, EddyValue right) => left.Equals(right);

    public static bool operator !=(EddyValue left, EddyValue right) => !left.Equals(right);

    /// <summary>The number; a boolean reads as 1 or 0, as the server reads it.</summary>
    public double AsNumber() => Kind switch
    {
        EddyValueKind.Number or EddyValueKind.Boolean => _number,
        _ => throw new InvalidOperationException($"The value is a {Kind}, not a number."),
    };

    public bool AsBoolean() => Kind == EddyValueKind.Boolean
        ? _number != 0.0
        : throw new InvalidOperationException($"The value is a {Kind}, not a boolean.");

    public string AsString() => Kind == EddyValueKind.String
        ? _text!
        : throw new InvalidOperationException($"The value is a {Kind}, not a string.");

    public bool Equals(EddyValue other) =>
        Kind == other.Kind && _number.Equals(other._number) && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is EddyValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _number, _text);

    /// <summary>The value as its JSON text would show it: <c>true</c>, <c>1.5</c>, <c>cat</c>, <c>null</c>.</summary>
    public override string ToString() => Kind switch
    {
        EddyValueKind.Boolean => _number != 0.0 ? "true" : "false",
        EddyValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        EddyValueKind.String => _text!,
        _ => "null",
    };

    internal void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case EddyValueKind.Boolean:
                writer.WriteBooleanValue(_number != 0.0);
                break;
            case EddyValueKind.Number:
                if (!double.IsFinite(_number))
                {
                    throw new ArgumentException($"{_number} cannot be sent: JSON numbers are finite.");
                }

                writer.WriteNumberValue(_number);
                break;
            case EddyValueKind.String:
                writer.WriteStringValue(_text);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    internal static EddyValue Read(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => FromBoolean(true),
        JsonTokenType.False => FromBoolean(false),
        JsonTokenType.Number => FromNumber(reader.GetDouble()),
        JsonTokenType.String => FromString(reader.GetString()),
        JsonTokenType.Null => default,
        _ => throw new JsonException($"Expected a number, a boolean, a string or null, not {reader.TokenType}."),
    };
}
