namespace Eddy.Server.Monitoring;

/// <summary>One contender as published with a replica (for <c>GET …/challengers</c> and the dashboard).</summary>
internal sealed record ContenderReport(string Name, bool Champion, long StartedAt, long Examples, long Skipped, double Rolling, double Global, double Holdout);
