using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Eddy.Specs;

/// <summary>Writes specs in the canonical JSON form and in River's expression form.</summary>
internal static class SpecWriter
{
    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string ToJson(IReadOnlyList<SpecNode> pipeline, IReadOnlyList<SpecNode> metrics, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("pipeline");
            WritePipeline(writer, pipeline);
            writer.WritePropertyName("metrics");
            writer.WriteStartArray();
            foreach (SpecNode metric in metrics)
            {
                WriteComponent(writer, metric);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string ExpressionOf(IReadOnlyList<SpecNode> pipeline) => string.Join(" | ", pipeline.Select(Step));

    public static string ExpressionOf(SpecNode node) => node.IsUnion ? Step(node) : Call(node);

    public static string ExpressionOf(SpecValue value) => value.Kind switch
    {
        SpecValueKind.None => "None",
        SpecValueKind.Boolean => value.Boolean ? "True" : "False",
        SpecValueKind.Integer => value.Integer.ToString(CultureInfo.InvariantCulture),
        SpecValueKind.Number => FormatNumber(value.Number),
        SpecValueKind.String => Quote(value.Text),
        SpecValueKind.StringList => "[" + string.Join(", ", value.Strings.Select(Quote)) + "]",
        SpecValueKind.Pipeline => value.Steps.Count == 1 ? Step(value.Steps[0]) : "(" + ExpressionOf(value.Steps) + ")",
        SpecValueKind.Ranges => "{" + string.Join(", ", value.Ranges.Select(r => $"{Quote(r.Name)}: ({FormatNumber(r.Low)}, {FormatNumber(r.High)})")) + "}",
        _ => Call(value.Component),
    };

    /// <summary>Python's float repr, near enough: always a fraction or an exponent, so it reads back as a float.</summary>
    public static string FormatNumber(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static string Step(SpecNode node)
    {
        if (!node.IsUnion)
        {
            return Call(node);
        }

        return string.Join(" + ", node.Members.Select(member =>
            member.Count == 1 && !member[0].IsUnion ? Call(member[0]) : "(" + ExpressionOf(member) + ")"));
    }

    private static string Call(SpecNode node)
    {
        if (node.Parameters.Count == 0)
        {
            return node.Name;
        }

        var arguments = new List<string>();
        foreach (KeyValuePair<string, SpecValue> parameter in node.Parameters)
        {
            if (parameter.Key == node.Variadic)
            {
                arguments.InsertRange(0, parameter.Value.Strings.Select(Quote));
            }
            else
            {
                arguments.Add($"{parameter.Key}={ExpressionOf(parameter.Value)}");
            }
        }

        return $"{node.Name}({string.Join(", ", arguments)})";
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder("'", text.Length + 2);
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return builder.Append('\'').ToString();
    }

    private static void WritePipeline(Utf8JsonWriter writer, IReadOnlyList<SpecNode> steps)
    {
        writer.WriteStartArray();
        foreach (SpecNode step in steps)
        {
            WriteStep(writer, step);
        }

        writer.WriteEndArray();
    }

    private static void WriteStep(Utf8JsonWriter writer, SpecNode node)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(node.Name);
        if (node.IsUnion)
        {
            writer.WriteStartArray();
            foreach (IReadOnlyList<SpecNode> member in node.Members)
            {
                if (member.Count == 1)
                {
                    WriteStep(writer, member[0]);
                }
                else
                {
                    WritePipeline(writer, member);
                }
            }

            writer.WriteEndArray();
        }
        else
        {
            WriteParameters(writer, node);
        }

        writer.WriteEndObject();
    }

    /// <summary>A nested component or metric without parameters is just its name.</summary>
    private static void WriteComponent(Utf8JsonWriter writer, SpecNode node)
    {
        if (node.Parameters.Count == 0)
        {
            writer.WriteStringValue(node.Name);
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName(node.Name);
        WriteParameters(writer, node);
        writer.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter writer, SpecNode node)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, SpecValue> parameter in node.Parameters)
        {
            writer.WritePropertyName(parameter.Key);
            WriteValue(writer, parameter.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, SpecValue value)
    {
        switch (value.Kind)
        {
            case SpecValueKind.None:
                writer.WriteNullValue();
                break;
            case SpecValueKind.Boolean:
                writer.WriteBooleanValue(value.Boolean);
                break;
            case SpecValueKind.Integer:
                writer.WriteNumberValue(value.Integer);
                break;
            case SpecValueKind.Number:
                writer.WriteRawValue(FormatNumber(value.Number));
                break;
            case SpecValueKind.String:
                writer.WriteStringValue(value.Text);
                break;
            case SpecValueKind.StringList:
                writer.WriteStartArray();
                foreach (string text in value.Strings)
                {
                    writer.WriteStringValue(text);
                }

                writer.WriteEndArray();
                break;
            case SpecValueKind.Pipeline when value.Steps.Count == 1 && !value.Steps[0].IsUnion:
                WriteComponent(writer, value.Steps[0]);
                break;
            case SpecValueKind.Pipeline:
                WritePipeline(writer, value.Steps);
                break;
            case SpecValueKind.Ranges:
                writer.WriteStartObject();
                foreach ((string name, double low, double high) in value.Ranges)
                {
                    writer.WritePropertyName(name);
                    writer.WriteStartArray();
                    writer.WriteRawValue(FormatNumber(low));
                    writer.WriteRawValue(FormatNumber(high));
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                break;
            default:
                WriteComponent(writer, value.Component);
                break;
        }
    }
}
