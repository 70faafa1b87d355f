using System.Text.Json;
using Eddy.Base;

namespace Eddy.Server.Json;

/// <summary>
/// The fast path of bulk ingestion: reads the common line, <c>{"x": {"name": number, …}, "y": label}</c>, without
/// decoding names (they stay UTF-8 ranges of the line) and without a feature buffer. Anything else — categories,
/// nulls, escaped names, other properties, a repeated key, a bad label or number, trailing data — is left to
/// <see cref="ExampleParser"/>, which gives the same result or the error message; so this path never decides what is
/// valid, only recognises what certainly is.
/// </summary>
internal static class LearnLineReader
{
    /// <summary>The most features the fast path takes; longer lines go through the general parser.</summary>
    public const int MaxFeatures = 128;

    public static bool TryRead(ReadOnlySpan<byte> line, Span<Range> names, Span<double> values, out int count, out Label y)
    {
        count = 0;
        y = Label.None;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 3 });
        bool hasX = false;
        bool hasY = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!hasX && reader.ValueTextEquals("x"u8))
                {
                    hasX = true;
                    if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !TryReadFeatures(ref reader, names, values, out count))
                    {
                        return false;
                    }
                }
                else if (!hasY && reader.ValueTextEquals("y"u8))
                {
                    hasY = true;
                    if (!reader.Read() || !TryReadLabel(ref reader, out y))
                    {
                        return false;
                    }
                }
                else
                {
                    return false;
                }
            }

            return hasX && hasY && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryReadFeatures(ref Utf8JsonReader reader, Span<Range> names, Span<double> values, out int count)
    {
        count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (count == names.Length || reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > ExampleParser.MaxNameLength
                || !System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
            {
                return false;
            }

            int start = (int)reader.TokenStartIndex + 1;
            names[count] = new Range(start, start + reader.ValueSpan.Length);
            if (!reader.Read())
            {
                return false;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.Number when !reader.HasValueSequence && ShortDecimal.TryParse(reader.ValueSpan, out double value):
                    values[count] = value;
                    break;
                case JsonTokenType.Number when reader.TryGetDouble(out double value) && double.IsFinite(value):
                    values[count] = value;
                    break;
                case JsonTokenType.True:
                    values[count] = 1.0;
                    break;
                case JsonTokenType.False:
                    values[count] = 0.0;
                    break;
                default:
                    return false;
            }

            count++;
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadLabel(ref Utf8JsonReader reader, out Label y)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                y = Label.True;
                return true;
            case JsonTokenType.False:
                y = Label.False;
                return true;
            case JsonTokenType.Number when reader.TryGetInt64(out long integer):
                y = Label.FromInteger(integer);
                return true;
            case JsonTokenType.Number when reader.TryGetDouble(out double number) && double.IsFinite(number):
                y = Label.FromNumber(number);
                return true;
            default:
                // Strings, nulls and out-of-range numbers: the general parser decides.
                y = Label.None;
                return false;
        }
    }
}
