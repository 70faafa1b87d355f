namespace Eddy.Client;

/// <summary>Champion/challenger as of the published model: the rule, the holdout set, and each contender.</summary>
public sealed class ModelChallengers
{
    public string Model { get; init; } = "";

    public long Sequence { get; init; }

    /// <summary>Null when the model has no challengers.</summary>
    public PromotionRule? Promotion { get; init; }

    public HoldoutStatus? Holdout { get; init; }

    public Contender? Champion { get; init; }

    public List<Contender> Challengers { get; init; } = [];
}
