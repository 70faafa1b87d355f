namespace Eddy.Client;

/// <summary>Progressive metrics, over the whole stream and over the rolling window; null until defined.</summary>
public sealed class ModelMetrics
{
    public long Sequence { get; init; }

    public Dictionary<string, double?> Global { get; init; } = [];

    public int RollingWindow { get; init; }

    public Dictionary<string, double?> Rolling { get; init; } = [];
}
