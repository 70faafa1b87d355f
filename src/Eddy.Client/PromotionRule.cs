using System.Text.Json.Serialization;

namespace Eddy.Client;

/// <summary>When a challenger takes over: better by <see cref="Margin"/> on the rolling metric after enough examples.</summary>
public sealed class PromotionRule
{
    public string Metric { get; init; } = "";

    public bool BiggerIsBetter { get; init; }

    public int Window { get; init; }

    public double Margin { get; init; }

    [JsonPropertyName("min_examples")]
    public long MinExamples { get; init; }
}
