using System.Text.Json.Nodes;

namespace Eddy.Server.Hosting;

/// <summary>
/// A change of a model's definition that makes a new version: the definition it leads to and which parts of the
/// learner restart. A new pipeline starts a fresh model (and metrics and monitors); new metrics restart the metrics and
/// monitors; new monitors restart the monitors; an output mapping alone changes nothing learned.
/// </summary>
internal sealed record ModelChange(ModelDefinition Definition, string Kind, bool FreshModel, bool FreshMetrics, bool FreshWatch, int RestoredFrom)
{
    /// <summary>Keeps the model and its schema (what restarts is computed the same way at replay).</summary>
    public bool KeepsModel => !FreshModel && RestoredFrom == 0;

    /// <summary>The change from <paramref name="current"/> to <paramref name="next"/>; null when they are the same.</summary>
    public static ModelChange? Between(ModelDefinition current, ModelDefinition next)
    {
        JsonNode? a = JsonNode.Parse(current.Spec);
        JsonNode? b = JsonNode.Parse(next.Spec);
        bool pipeline = !JsonNode.DeepEquals(a?["pipeline"], b?["pipeline"]);
        bool metrics = !JsonNode.DeepEquals(a?["metrics"], b?["metrics"]) || current.RollingWindow != next.RollingWindow;
        bool watch = current.Watch?.ToJson() != next.Watch?.ToJson();
        bool output = current.Output?.ToJson() != next.Output?.ToJson();
        var parts = new List<string>(4);
        if (pipeline)
        {
            parts.Add("pipeline");
        }

        if (metrics)
        {
            parts.Add("metrics");
        }

        if (watch)
        {
            parts.Add("monitors");
        }

        if (output)
        {
            parts.Add("output");
        }

        return parts.Count == 0 ? null : new ModelChange(next, string.Join('+', parts), pipeline, pipeline || metrics, pipeline || metrics || watch, 0);
    }

    /// <summary>Brings back version <paramref name="version"/>, defined as <paramref name="definition"/>, with its kept state.</summary>
    public static ModelChange Restore(ModelDefinition definition, int version) => new(definition, "restore", true, true, true, version);
}
