using System.Text.Json;
using Eddy.Server.Hosting;

namespace Eddy.Server.Endpoints;

/// <summary>
/// One entry of <c>GET /v1/models/{name}/versions</c>: a superseded version's scores are those it had when it was
/// superseded; the current one's are the replica's live metrics and the champion's holdout score.
/// </summary>
internal static class VersionWriter
{
    public static void Write(Utf8JsonWriter writer, ModelRevision revision, Replica replica, bool previous)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version"u8, revision.Number);
        if (revision.CreatedAtMs > 0)
        {
            writer.WriteString("createdAt"u8, DateTimeOffset.FromUnixTimeMilliseconds(revision.CreatedAtMs));
        }
        else
        {
            writer.WriteNull("createdAt"u8);
        }

        writer.WriteString("change"u8, revision.Change);
        if (revision.RestoredFrom > 0)
        {
            writer.WriteNumber("restoredFrom"u8, revision.RestoredFrom);
        }

        writer.WriteStartArray("aliases"u8);
        if (revision.IsCurrent)
        {
            writer.WriteStringValue("champion"u8);
        }

        if (previous)
        {
            writer.WriteStringValue("previous"u8);
        }

        writer.WriteEndArray();

        // Learns it served: sequences firstSequence+1 to lastSequence (null while current).
        writer.WriteNumber("firstSequence"u8, revision.FirstSequence);
        if (revision.IsCurrent)
        {
            writer.WriteNull("lastSequence"u8);
        }
        else
        {
            writer.WriteNumber("lastSequence"u8, revision.LastSequence);
        }

        writer.WriteBoolean("restorable"u8, !revision.IsCurrent && !revision.State.IsEmpty);
        writer.WritePropertyName("spec"u8);
        JsonDocument.Parse(revision.Spec).RootElement.WriteTo(writer);
        if (revision.Output is { } output)
        {
            writer.WritePropertyName("output"u8);
            JsonDocument.Parse(output).RootElement.WriteTo(writer);
        }

        IReadOnlyList<double> scores = revision.IsCurrent ? replica.MetricValues : revision.Scores;
        double holdout = revision.Holdout;
        if (revision.IsCurrent && replica.Challengers is { } report)
        {
            foreach (Monitoring.ContenderReport contender in report.Contenders)
            {
                holdout = contender.Champion ? contender.Holdout : holdout;
            }
        }

        int count = revision.MetricNames.Count;
        writer.WriteStartObject("scores"u8);
        writer.WriteNumber("sequence"u8, revision.IsCurrent ? replica.Sequence : revision.LastSequence);
        WriteMetrics(writer, "global"u8, revision.MetricNames, scores, 0);
        WriteMetrics(writer, "rolling"u8, revision.MetricNames, scores, count);
        Number(writer, "holdout"u8, holdout);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter writer, ReadOnlySpan<byte> property, IReadOnlyList<string> names, IReadOnlyList<double> values, int offset)
    {
        writer.WriteStartObject(property);
        for (int i = 0; i < names.Count && offset + i < values.Count; i++)
        {
            Number(writer, names[i], values[offset + i]);
        }

        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
