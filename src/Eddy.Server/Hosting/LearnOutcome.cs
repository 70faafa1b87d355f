using Eddy.Server.Problems;

namespace Eddy.Server.Hosting;

/// <summary>
/// The writer's answer to one learn: its sequence number (the order in which it was applied) and the model's first
/// metric right after it, or the problem that refused it. For an anomaly model, also the score the example got
/// before it was learned (progressive: score, then learn).
/// </summary>
internal readonly record struct LearnOutcome(LearnStatus Status, long Sequence, double Metric, ProblemKind? Problem = null, string? Detail = null, string? Field = null)
{
    public double Score { get; init; } = double.NaN;

    public bool Succeeded => Status is LearnStatus.Learned or LearnStatus.Replayed;

    public static LearnOutcome Refused(ProblemKind problem, string detail, string? field = null) =>
        new(problem.Status >= 500 ? LearnStatus.Failed : LearnStatus.Rejected, 0, double.NaN, problem, detail, field);
}
