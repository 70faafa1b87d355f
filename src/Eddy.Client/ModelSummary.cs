namespace Eddy.Client;

/// <summary>A model in the list: its kind and how far its writer and its published replica are.</summary>
public sealed class ModelSummary
{
    public string Name { get; init; } = "";

    /// <summary><c>classifier</c>, <c>regressor</c> or <c>transformer</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Learns applied by the writer (the model's version).</summary>
    public long Sequence { get; init; }

    /// <summary>The version predictions are currently served from.</summary>
    public long PublishedSequence { get; init; }
}
