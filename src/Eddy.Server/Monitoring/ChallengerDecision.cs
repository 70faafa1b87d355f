namespace Eddy.Server.Monitoring;

/// <summary>
/// A decision about a candidate, with the numbers behind it: <paramref name="Promoted"/> (it became champion) or held back
/// by the holdout. <paramref name="Reason"/> is <c>rolling</c> (the rule), <c>holdout</c> (held back) or <c>manual</c>.
/// Holdout scores are NaN when there is no holdout (or it is empty).
/// </summary>
internal sealed record ChallengerDecision(
    bool Promoted,
    string Reason,
    string Candidate,
    string Champion,
    string Metric,
    double CandidateRolling,
    double ChampionRolling,
    double Margin,
    long CandidateSeen,
    double CandidateHoldout,
    double ChampionHoldout);
