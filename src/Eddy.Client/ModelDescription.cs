using System.Text.Json;

namespace Eddy.Client;

/// <summary>One model: spec, publication policy, model version, state checksum and live metrics.</summary>
public sealed class ModelDescription
{
    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    /// <summary>The canonical JSON spec (<c>{"pipeline": [...], "metrics": [...]}</c>).</summary>
    public JsonElement Spec { get; init; }

    /// <summary>The model's repr, River style.</summary>
    public string Model { get; init; } = "";

    public string Publication { get; init; } = "";

    /// <summary>The model version (one per definition change or restore), not the learn sequence.</summary>
    public int ModelVersion { get; init; }

    /// <summary>The output mapping of the definition, when it has one.</summary>
    public JsonElement? Output { get; init; }

    /// <summary>Learns applied so far: the model's version.</summary>
    public long Sequence { get; init; }

    public long PublishedSequence { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>Distinct feature names the model has seen.</summary>
    public int Features { get; init; }

    public int PendingPredictions { get; init; }

    /// <summary>CRC-32C of the published state: equal checksums, bit-identical models.</summary>
    public string StateChecksum { get; init; } = "";

    public ModelMetrics Metrics { get; init; } = new();
}
