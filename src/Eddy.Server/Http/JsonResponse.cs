using System.Globalization;
using System.Text.Json;
using Eddy.Base;
using Eddy.Server.Problems;

namespace Eddy.Server.Http;

/// <summary>
/// Writes JSON answers straight into Kestrel's response pipe with a per-thread <see cref="Utf8JsonWriter"/>, so
/// answering allocates nothing per request. Writing is synchronous into the pipe's buffer; the flush is awaited after.
/// </summary>
internal static class JsonResponse
{
    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    /// <summary>Starts a JSON answer; call <see cref="EndAsync"/> once the object is written.</summary>
    public static Utf8JsonWriter Begin(HttpResponse response, int status = StatusCodes.Status200OK, string contentType = "application/json")
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        Utf8JsonWriter writer = s_writer ??= new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { SkipValidation = false });
        writer.Reset(response.BodyWriter);
        return writer;
    }

    public static ValueTask<System.IO.Pipelines.FlushResult> EndAsync(HttpResponse response, Utf8JsonWriter writer)
    {
        writer.Flush();
        writer.Reset();
        return response.BodyWriter.FlushAsync();
    }

    /// <summary>A label as JSON: booleans, numbers and strings as themselves.</summary>
    public static void WriteLabel(Utf8JsonWriter writer, Label label)
    {
        switch (label.Kind)
        {
            case LabelKind.None:
                writer.WriteNullValue();
                break;
            case LabelKind.Boolean:
                writer.WriteBooleanValue(label == Label.True);
                break;
            case LabelKind.Integer:
                writer.WriteNumberValue((long)label.ToDouble());
                break;
            case LabelKind.Number:
                writer.WriteNumberValue(label.ToDouble());
                break;
            default:
                writer.WriteStringValue(label.Text);
                break;
        }
    }

    /// <summary>A label as a JSON object key: <c>true</c>, <c>1</c>, <c>cat</c>.</summary>
    public static string Key(Label label) => label.Kind switch
    {
        LabelKind.Boolean => label == Label.True ? "true" : "false",
        LabelKind.Integer => ((long)label.ToDouble()).ToString(CultureInfo.InvariantCulture),
        LabelKind.Number => label.ToDouble().ToString("R", CultureInfo.InvariantCulture),
        LabelKind.Text => label.Text,
        _ => "null",
    };

    /// <summary>Writes the probabilities object <c>{"false": 0.2, "true": 0.8}</c>.</summary>
    public static void WriteProbabilities(Utf8JsonWriter writer, ClassProbabilities probabilities)
    {
        writer.WriteStartObject();
        ReadOnlySpan<Label> classes = probabilities.Classes;
        ReadOnlySpan<double> values = probabilities.Probabilities;
        for (int i = 0; i < classes.Length; i++)
        {
            switch (classes[i].Kind)
            {
                case LabelKind.Boolean:
                    writer.WriteNumber(classes[i] == Label.True ? "true"u8 : "false"u8, values[i]);
                    break;
                case LabelKind.Text:
                    writer.WriteNumber(classes[i].Text, values[i]);
                    break;
                default:
                    writer.WriteNumber(Key(classes[i]), values[i]);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>An RFC 9457 problem: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, and the wrong <c>field</c>.</summary>
    public static ValueTask<System.IO.Pipelines.FlushResult> ProblemAsync(HttpContext context, ProblemKind kind, string detail, string? field = null)
    {
        Utf8JsonWriter writer = Begin(context.Response, kind.Status, "application/problem+json");
        writer.WriteStartObject();
        writer.WriteString("type"u8, kind.Type);
        writer.WriteString("title"u8, kind.Title);
        writer.WriteNumber("status"u8, kind.Status);
        writer.WriteString("detail"u8, detail);
        if (field is not null)
        {
            writer.WriteString("field"u8, field);
        }

        writer.WriteString("instance"u8, context.Request.Path.Value);
        writer.WriteEndObject();
        return EndAsync(context.Response, writer);
    }

    public static ValueTask<System.IO.Pipelines.FlushResult> ProblemAsync(HttpContext context, ClientErrorException error) =>
        ProblemAsync(context, error.Kind, error.Message, error.Field);
}
