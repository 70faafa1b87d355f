namespace Eddy.Client;

/// <summary>A manual promotion: the new champion and the learn sequence it took over at.</summary>
public sealed class PromotionResult
{
    public string Model { get; init; } = "";

    public string Champion { get; init; } = "";

    public long Sequence { get; init; }
}
