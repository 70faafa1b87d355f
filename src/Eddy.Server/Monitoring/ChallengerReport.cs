namespace Eddy.Server.Monitoring;

/// <summary>The champion and its challengers at a replica's sequence, with the promotion rule they are judged by.</summary>
internal sealed record ChallengerReport(
    string Metric,
    bool BiggerIsBetter,
    int Window,
    double Margin,
    int MinExamples,
    int HoldoutSize,
    int HoldoutHeld,
    IReadOnlyList<ContenderReport> Contenders);
