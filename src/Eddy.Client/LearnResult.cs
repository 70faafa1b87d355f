namespace Eddy.Client;

/// <summary>An applied learn: the sequence it got, whether it was a replay of an earlier attempt, the metric after it.</summary>
public sealed class LearnResult
{
    public string Model { get; init; } = "";

    public long Sequence { get; init; }

    /// <summary>True when the server had already applied this idempotency key and answered with the first outcome.</summary>
    public bool Replayed { get; init; }

    public MetricReading? Metric { get; init; }
}
