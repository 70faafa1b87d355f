namespace Eddy.Server.Monitoring;

/// <summary>A monitor that fired: <paramref name="Monitor"/> is <c>drift</c> or <c>metric</c>; the values are the metric's.</summary>
internal sealed record WatchAlarm(string Monitor, string Source, double Rolling, double Global);
