using System.Buffers;
using System.Text.Json;

namespace Eddy.Client;

/// <summary>
/// Request bodies written with <see cref="Utf8JsonWriter"/> into a per-thread buffer: no reflection, one array per
/// request (the body itself, which must outlive the call for retries).
/// </summary>
internal static class RequestBodies
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? s_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    public static byte[] Predict(Example x, string? id)
    {
        Utf8JsonWriter writer = Begin();
        WritePredict(writer, x, id);
        return End(writer);
    }

    public static byte[] Learn(in LearnItem item)
    {
        Utf8JsonWriter writer = Begin();
        WriteLearn(writer, item);
        return End(writer);
    }

    public static byte[] PredictMany(IEnumerable<PredictItem> items)
    {
        Utf8JsonWriter writer = Begin();
        writer.WriteStartArray();
        foreach (PredictItem item in items)
        {
            WritePredict(writer, item.X, item.Id);
        }

        writer.WriteEndArray();
        return End(writer);
    }

    public static byte[] LearnMany(IEnumerable<LearnItem> items)
    {
        Utf8JsonWriter writer = Begin();
        writer.WriteStartArray();
        foreach (LearnItem item in items)
        {
            WriteLearn(writer, item);
        }

        writer.WriteEndArray();
        return End(writer);
    }

    /// <summary><c>{"name", "model": expression, "metrics"}</c>; the optional parts only when given.</summary>
    public static byte[] CreateModel(string name, string expression, IReadOnlyList<string>? metrics)
    {
        Utf8JsonWriter writer = Begin();
        writer.WriteStartObject();
        writer.WriteString("name"u8, name);
        writer.WriteString("model"u8, expression);
        if (metrics is not null)
        {
            writer.WriteStartArray("metrics"u8);
            foreach (string metric in metrics)
            {
                writer.WriteStringValue(metric);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        return End(writer);
    }

    /// <summary><c>{"every": N}</c>, <c>{"everyMs": T}</c>, or <c>{}</c> for after every learn.</summary>
    public static byte[] Publication(int? every, int? everyMs)
    {
        Utf8JsonWriter writer = Begin();
        writer.WriteStartObject();
        if (every is { } n)
        {
            writer.WriteNumber("every"u8, n);
        }

        if (everyMs is { } ms)
        {
            writer.WriteNumber("everyMs"u8, ms);
        }

        writer.WriteEndObject();
        return End(writer);
    }

    public static void WritePredict(Utf8JsonWriter writer, Example x, string? id)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("x"u8);
        x.WriteTo(writer);
        if (id is not null)
        {
            writer.WriteString("id"u8, id);
        }

        writer.WriteEndObject();
    }

    public static void WriteLearn(Utf8JsonWriter writer, in LearnItem item)
    {
        writer.WriteStartObject();
        if (item.Id is not null)
        {
            writer.WriteString("id"u8, item.Id);
        }
        else if (item.X is not null)
        {
            writer.WritePropertyName("x"u8);
            item.X.WriteTo(writer);
        }
        else
        {
            throw new ArgumentException("A learn item needs features or a pending id (use LearnItem.Of or LearnItem.ById).");
        }

        writer.WritePropertyName("y"u8);
        item.Y.WriteTo(writer);
        writer.WriteEndObject();
    }

    private static Utf8JsonWriter Begin()
    {
        ArrayBufferWriter<byte> buffer = s_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        Utf8JsonWriter writer = s_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        return writer;
    }

    private static byte[] End(Utf8JsonWriter writer)
    {
        writer.Flush();
        byte[] body = s_buffer!.WrittenSpan.ToArray();
        writer.Reset();
        if (s_buffer.Capacity > 1 << 20)
        {
            // One huge batch should not pin its buffer on this thread for ever.
            s_buffer = null;
            s_writer = null;
        }

        return body;
    }
}
