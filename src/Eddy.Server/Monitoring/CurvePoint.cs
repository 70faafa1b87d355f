namespace Eddy.Server.Monitoring;

/// <summary>One point of a learning curve: the progressive metrics (global, then rolling) after <paramref name="Sequence"/> learns.</summary>
internal readonly record struct CurvePoint(long Sequence, DateTimeOffset Time, IReadOnlyList<double> MetricValues);
