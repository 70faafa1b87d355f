using System.Buffers;
using System.Text.Json;
using Eddy.Base;
using Eddy.Server.Problems;

namespace Eddy.Server.Json;

/// <summary>
/// Reads <c>{"x": {...}, "y": ..., "id": "..."}</c> with <see cref="Utf8JsonReader"/> straight into a feature sink:
/// no DOM, no dictionary, names copied onto the stack. Anything a model cannot use is a <see cref="ClientErrorException"/>
/// naming the field, thrown before any model sees the request.
/// </summary>
internal static class ExampleParser
{
    public const int MaxNameLength = 512;
    public const int MaxIdLength = 256;

    public static JsonReaderOptions Options(int maxDepth) => new() { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses a whole body holding one example object.</summary>
    public static ExampleRequest ParseBody<TSink>(ReadOnlySequence<byte> body, TSink sink, int maxDepth)
        where TSink : IFeatureSink
    {
        var reader = new Utf8JsonReader(body, Options(maxDepth));
        try
        {
            Read(ref reader);
            ExampleRequest request = ReadExample(ref reader, sink, "");
            if (reader.Read())
            {
                throw new ClientErrorException(ProblemKind.MalformedJson, "The body holds more than one JSON value.");
            }

            return request;
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
    }

    /// <summary>Reads one example object; the reader is on its StartObject and ends on its EndObject.</summary>
    public static ExampleRequest ReadExample<TSink>(ref Utf8JsonReader reader, TSink sink, string path)
        where TSink : IFeatureSink
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "Expected a JSON object with \"x\" (features), and \"y\" or \"id\" where needed.", path.Length == 0 ? null : path);
        }

        var request = default(ExampleRequest);
        while (Read(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("x"u8))
            {
                Read(ref reader);
                ReadFeatures(ref reader, sink, path + "x");
                request.HasX = true;
            }
            else if (reader.ValueTextEquals("y"u8))
            {
                Read(ref reader);
                request.Y = ReadLabel(ref reader, path + "y");
                request.HasY = true;
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                Read(ref reader);
                request.Id = ReadId(ref reader, path + "id");
            }
            else if (reader.ValueTextEquals("label"u8))
            {
                Read(ref reader);
                request.Feedback = ReadFeedback(ref reader, path + "label");
                request.HasFeedback = true;
            }
            else
            {
                string name = reader.GetString() ?? string.Empty;
                throw new ClientErrorException(ProblemKind.InvalidRequest, $"Unknown property \"{Truncate(name)}\"; expected \"x\", \"y\", \"id\" or \"label\".", path + Truncate(name));
            }
        }

        return request;
    }

    /// <summary>Reads the features object; the reader is on its first token.</summary>
    public static void ReadFeatures<TSink>(ref Utf8JsonReader reader, TSink sink, string path)
        where TSink : IFeatureSink
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "\"x\" must be an object of feature name → value.", path);
        }

        // A UTF-8 or escaped name of n bytes unescapes to at most n chars, so this buffer always fits what passes the first check.
        Span<char> name = stackalloc char[MaxNameLength * 3];
        while (Read(ref reader) != JsonTokenType.EndObject)
        {
            int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            if (length > MaxNameLength * 3 || (length = reader.CopyString(name)) > MaxNameLength)
            {
                throw new ClientErrorException(ProblemKind.InvalidFeature, $"A feature name is longer than {MaxNameLength} characters.", path);
            }

            ReadOnlySpan<char> feature = name[..length];
            switch (Read(ref reader))
            {
                case JsonTokenType.Number:
                    if (!reader.TryGetDouble(out double value) || !double.IsFinite(value))
                    {
                        throw new ClientErrorException(ProblemKind.InvalidFeature, $"The value of \"{feature}\" is out of the range of a double.", Field(path, feature));
                    }

                    sink.SetNumber(feature, value);
                    break;
                case JsonTokenType.True:
                    sink.SetNumber(feature, 1.0);
                    break;
                case JsonTokenType.False:
                    sink.SetNumber(feature, 0.0);
                    break;
                case JsonTokenType.String:
                    sink.SetCategory(feature, reader.GetString()!);
                    break;
                case JsonTokenType.Null:
                    // A null is a missing value: the feature is absent from this example, as a missing dict key.
                    break;
                default:
                    throw new ClientErrorException(
                        ProblemKind.InvalidFeature,
                        $"The value of \"{feature}\" must be a number, a string, a boolean or null, not {Describe(reader.TokenType)}.",
                        Field(path, feature));
            }
        }
    }

    public static Label ReadLabel(ref Utf8JsonReader reader, string path)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return Label.True;
            case JsonTokenType.False:
                return Label.False;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long integer))
                {
                    return Label.FromInteger(integer);
                }

                if (reader.TryGetDouble(out double number) && double.IsFinite(number))
                {
                    return Label.FromNumber(number);
                }

                throw new ClientErrorException(ProblemKind.InvalidLabel, "The label is out of the range of a double.", path);
            case JsonTokenType.String:
                string text = reader.GetString()!;
                if (text.Length == 0 || text.Length > MaxNameLength)
                {
                    throw new ClientErrorException(ProblemKind.InvalidLabel, $"A class label must have 1 to {MaxNameLength} characters.", path);
                }

                return Label.FromText(text);
            case JsonTokenType.Null:
                return Label.None;
            default:
                throw new ClientErrorException(ProblemKind.InvalidLabel, $"The label must be a boolean, a number or a string, not {Describe(reader.TokenType)}.", path);
        }
    }

    /// <summary>An anomaly model's feedback: <c>true</c> (it was an anomaly), <c>false</c>, or null (no feedback).</summary>
    public static Label ReadFeedback(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.True => Label.True,
        JsonTokenType.False => Label.False,
        JsonTokenType.Null => Label.None,
        _ => throw new ClientErrorException(ProblemKind.InvalidLabel, $"\"label\" says whether the example was an anomaly: true or false, not {Describe(reader.TokenType)}.", path),
    };

    public static string ReadId(ref Utf8JsonReader reader, string path)
    {
        string? id = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number when reader.TryGetInt64(out long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, $"\"id\" must be a string of 1 to {MaxIdLength} characters.", path);
        }

        return id;
    }

    public static JsonTokenType Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ClientErrorException(ProblemKind.MalformedJson, "The JSON ends early.");
        }

        return reader.TokenType;
    }

    public static ClientErrorException Malformed(JsonException e) =>
        new(ProblemKind.MalformedJson, e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            ? "The JSON is nested too deeply."
            : $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");

    private static string Field(string path, ReadOnlySpan<char> feature) => $"{path}.{Truncate(feature.ToString())}";

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
