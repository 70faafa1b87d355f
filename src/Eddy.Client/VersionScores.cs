namespace Eddy.Client;

/// <summary>A version's metrics: live for the current one, as of when it was superseded for the others; null while undefined.</summary>
public sealed class VersionScores
{
    public long Sequence { get; init; }

    public Dictionary<string, double?> Global { get; init; } = [];

    public Dictionary<string, double?> Rolling { get; init; } = [];

    /// <summary>The champion's score on the holdout set, when the model has one.</summary>
    public double? Holdout { get; init; }
}
