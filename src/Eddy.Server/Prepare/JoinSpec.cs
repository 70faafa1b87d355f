using System.Text.Json;

namespace Eddy.Server.Prepare;

/// <summary>
/// A left join on <see cref="On"/>: the other source's fields are merged into each row with the same key value;
/// a field the row already has gets <see cref="Suffix"/>. The other source is given inline (<see cref="Rows"/>) or
/// names an ingested source (<see cref="Source"/>, its newest raw copy: CSV, NDJSON or Parquet).
/// </summary>
internal sealed record JoinSpec(string On, JsonElement? Rows, string? Source, string Suffix)
{
    public static JoinSpec Read(JsonElement join)
    {
        PrepareOptions.Object(join, "join");
        string? on = null;
        JsonElement? rows = null;
        string? source = null;
        string suffix = "_right";
        foreach (JsonProperty property in join.EnumerateObject())
        {
            switch (property.Name)
            {
                case "on":
                    on = PrepareOptions.Text(property.Value, "join.on");
                    break;
                case "rows":
                    rows = property.Value.ValueKind == JsonValueKind.Array
                        ? property.Value.Clone()
                        : throw new PrepareException("join.rows", "'join.rows' must be an array of objects.");
                    break;
                case "source":
                    source = PrepareOptions.Text(property.Value, "join.source");
                    break;
                case "suffix":
                    suffix = PrepareOptions.Text(property.Value, "join.suffix");
                    break;
                default:
                    throw new PrepareException($"join.{property.Name}", $"Unknown field '{property.Name}'; a join has on, rows or source, and suffix.");
            }
        }

        if (string.IsNullOrEmpty(on))
        {
            throw new PrepareException("join.on", "A join needs 'on', the key field.");
        }

        if ((rows is null) == (source is null))
        {
            throw new PrepareException("join", "A join takes either 'rows' or 'source'.");
        }

        if (suffix.Length == 0)
        {
            throw new PrepareException("join.suffix", "The suffix must not be empty.");
        }

        return new JoinSpec(on, rows, source, suffix);
    }
}
