using System.Text.Json;

namespace Eddy.Specs;

/// <summary>
/// Reads the canonical JSON form into raw nodes: <c>{"pipeline": [{"StandardScaler": {}}, ...], "metrics": [...]}</c>.
/// A step or nested component is <c>{"Name": {parameters}}</c> or just <c>"Name"</c>; a union is
/// <c>{"TransformerUnion": [member, ...]}</c> where a member is a step or an array (a sub-pipeline).
/// </summary>
internal static class JsonSpecReader
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        MaxDepth = 4 * SpecLimits.MaxNesting,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static (List<RawNode> Pipeline, List<RawNode> Metrics) ReadModel(string json)
    {
        using JsonDocument document = Parse(json);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SpecException(string.Empty, "A JSON spec is an object: {\"pipeline\": [...], \"metrics\": [...]}.");
        }

        List<RawNode>? pipeline = null;
        var metrics = new List<RawNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw new SpecException(property.Name, $"'{property.Name}' appears twice.");
            }

            switch (property.Name)
            {
                case "pipeline":
                    pipeline = ReadPipeline(property.Value, "pipeline", 0);
                    break;
                case "metrics":
                    RequireArray(property.Value, "metrics");
                    int i = 0;
                    foreach (JsonElement metric in property.Value.EnumerateArray())
                    {
                        metrics.Add(ReadNode(metric, $"metrics[{i++}]", 0));
                    }

                    break;
                default:
                    throw new SpecException(property.Name, $"Unknown key '{property.Name}'; a spec has \"pipeline\" and \"metrics\".");
            }
        }

        return (pipeline ?? throw new SpecException("pipeline", "The spec has no \"pipeline\"."), metrics);
    }

    /// <summary>One metric given as JSON (<c>"ROCAUC"</c> or <c>{"ROCAUC": {"n_thresholds": 20}}</c>).</summary>
    public static RawNode ReadMetric(string json, string path)
    {
        using JsonDocument document = Parse(json);
        return ReadNode(document.RootElement, path, 0);
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, s_options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new SpecException(string.Empty, $"Invalid JSON: {e.Message}", inner: e);
        }
    }

    private static List<RawNode> ReadPipeline(JsonElement element, string path, int depth)
    {
        RequireArray(element, path);
        var steps = new List<RawNode>();
        int i = 0;
        foreach (JsonElement step in element.EnumerateArray())
        {
            steps.Add(ReadNode(step, $"{path}[{i++}]", depth));
        }

        return steps;
    }

    private static RawNode ReadNode(JsonElement element, string path, int depth)
    {
        SpecLimits.CheckDepth(depth, path, null);
        if (element.ValueKind == JsonValueKind.String)
        {
            return new RawNode(element.GetString()!, [], 0);
        }

        if (element.ValueKind != JsonValueKind.Object || element.GetPropertyCount() != 1)
        {
            throw new SpecException(path, "Expected a name or an object with one key: {\"Name\": {parameters}}.");
        }

        JsonProperty only = element.EnumerateObject().First();
        string name = only.Name;
        string inner = $"{path}.{name}";
        JsonElement value = only.Value;
        bool union = SpecNames.StripModule(name) == SpecNode.UnionName;
        if (union && value.ValueKind != JsonValueKind.Array)
        {
            throw new SpecException(inner, "A TransformerUnion is a list of members: {\"TransformerUnion\": [step-or-pipeline, ...]}.");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return new RawNode(name, [], 0);
            case JsonValueKind.Array when union:
                var members = new List<IReadOnlyList<RawNode>>();
                int j = 0;
                foreach (JsonElement member in value.EnumerateArray())
                {
                    string memberPath = $"{inner}[{j++}]";
                    members.Add(member.ValueKind == JsonValueKind.Array
                        ? ReadPipeline(member, memberPath, depth + 1)
                        : [ReadNode(member, memberPath, depth + 1)]);
                }

                return RawNode.Union(members, 0);
            case JsonValueKind.Object:
                var arguments = new List<RawNode.Argument>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty parameter in value.EnumerateObject())
                {
                    if (!seen.Add(parameter.Name))
                    {
                        throw new SpecException($"{inner}.{parameter.Name}", $"'{parameter.Name}' appears twice.");
                    }

                    arguments.Add(new RawNode.Argument(parameter.Name, ReadValue(parameter.Value, $"{inner}.{parameter.Name}", depth + 1)));
                }

                return new RawNode(name, arguments, 0);
            default:
                throw new SpecException(inner, $"The parameters of {name} are an object: {{\"{name}\": {{\"name\": value}}}}.");
        }
    }

    private static RawValue ReadValue(JsonElement element, string path, int depth)
    {
        SpecLimits.CheckDepth(depth, path, null);
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return RawValue.Null(0);
            case JsonValueKind.True:
            case JsonValueKind.False:
                return RawValue.FromBoolean(element.GetBoolean(), 0);
            case JsonValueKind.String:
                return RawValue.FromString(element.GetString()!, 0);
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out double number) || !double.IsFinite(number))
                {
                    throw new SpecException(path, "The number is out of range.");
                }

                string raw = element.GetRawText();
                return RawValue.FromNumber(number, raw.IndexOfAny(['.', 'e', 'E']) < 0, 0);
            case JsonValueKind.Array:
                var items = new List<RawValue>();
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    items.Add(ReadValue(item, $"{path}[{i++}]", depth + 1));
                }

                return RawValue.FromList(items, 0);
            case JsonValueKind.Object when !IsComponent(element):
                var entries = new List<KeyValuePair<string, RawValue>>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty entry in element.EnumerateObject())
                {
                    if (!seen.Add(entry.Name))
                    {
                        throw new SpecException($"{path}.{entry.Name}", $"'{entry.Name}' appears twice.");
                    }

                    entries.Add(new(entry.Name, ReadValue(entry.Value, $"{path}.{entry.Name}", depth + 1)));
                }

                return RawValue.FromDict(entries, 0);
            default:
                return RawValue.FromNode(ReadNode(element, path, depth));
        }
    }

    /// <summary>
    /// A nested component is an object with one key whose value is its parameters (an object, or null); any other
    /// object (but a union's <c>{"TransformerUnion": [...]}</c>) is a dict (HalfSpaceTrees' <c>{"x": [0, 1]}</c>).
    /// </summary>
    private static bool IsComponent(JsonElement element)
    {
        if (element.GetPropertyCount() != 1)
        {
            return false;
        }

        JsonProperty only = element.EnumerateObject().First();
        return only.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null
            || (only.Value.ValueKind == JsonValueKind.Array && SpecNames.StripModule(only.Name) == SpecNode.UnionName);
    }

    private static void RequireArray(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new SpecException(path, $"'{path}' must be a JSON array.");
        }
    }
}
