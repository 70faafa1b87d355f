namespace Eddy.Server.Monitoring;

/// <summary>
/// A monitor that fired: <paramref name="Monitor"/> is <c>drift</c>, <c>predictions</c>, <c>metric</c> or
/// <c>features</c> (then <paramref name="Source"/> is the feature's name); the values are the metric's.
/// </summary>
internal sealed record WatchAlarm(string Monitor, string Source, double Rolling, double Global)
{
    /// <summary>The Population Stability Index that crossed the threshold (features monitor); NaN otherwise.</summary>
    public double Psi { get; init; } = double.NaN;

    /// <summary>The detector that fired on the feature's values (features monitor), if one did.</summary>
    public string? Detector { get; init; }
}
