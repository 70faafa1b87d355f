using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Eddy.Server.ScaleOut;

namespace Eddy.Server.Endpoints;

/// <summary>
/// A stream entry as one NDJSON line: <c>{"_id": "ms-seq", field: value, …}</c> in the entry's field order. A value that
/// is a JSON number (strict grammar: no leading zeros, no spaces, no NaN) is kept as that number, its text unchanged;
/// any other value is a string. Entry ids are read and advanced here too.
/// </summary>
internal static class StreamEntryJson
{
    public const string IdField = "_id";

    /// <summary>Writes the entry and a newline; null, or why the entry cannot be one JSON object (a repeated or reserved name).</summary>
    public static string? Write(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, SourceEntry entry)
    {
        IReadOnlyList<KeyValuePair<string, string>> fields = entry.Fields;
        for (int i = 0; i < fields.Count; i++)
        {
            string name = fields[i].Key;
            if (name == IdField)
            {
                return $"the entry {entry.Id} has a field named '{IdField}', the name the entry id is kept under.";
            }

            for (int j = 0; j < i; j++)
            {
                if (fields[j].Key == name)
                {
                    return $"the entry {entry.Id} has the field '{name}' twice.";
                }
            }
        }

        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString(IdField, entry.Id);
        foreach (KeyValuePair<string, string> field in fields)
        {
            if (IsJsonNumber(field.Value))
            {
                writer.WritePropertyName(field.Key);
                writer.WriteRawValue(field.Value, skipInputValidation: true);
            }
            else
            {
                writer.WriteString(field.Key, field.Value);
            }
        }

        writer.WriteEndObject();
        writer.Flush();
        buffer.Write("\n"u8);
        return null;
    }

    /// <summary>RFC 8259's number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        int i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        i = text[i] == '0' ? i + 1 : Digits(text, i);
        if (i < text.Length && text[i] == '.')
        {
            int start = i + 1;
            i = Digits(text, start);
            if (i == start)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            int start = i;
            i = Digits(text, start);
            if (i == start)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>Parses <c>ms</c> or <c>ms-seq</c> (a missing seq is 0).</summary>
    public static bool TryParseId(string text, out ulong ms, out ulong seq)
    {
        seq = 0;
        int dash = text.IndexOf('-', StringComparison.Ordinal);
        ReadOnlySpan<char> head = dash < 0 ? text : text.AsSpan(0, dash);
        return ulong.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out ms)
            && (dash < 0 || ulong.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out seq));
    }

    /// <summary>The smallest id after <c>ms-seq</c>, or null after the last possible id.</summary>
    public static string? After(ulong ms, ulong seq) => seq < ulong.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $"{ms}-{seq + 1}")
        : ms < ulong.MaxValue ? string.Create(CultureInfo.InvariantCulture, $"{ms + 1}-0") : null;

    private static int Digits(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }
}
