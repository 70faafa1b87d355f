namespace Eddy.Client;

/// <summary>The champion or a challenger: examples seen since it started, its promotion metric, its holdout score.</summary>
public sealed class Contender
{
    public string Name { get; init; } = "";

    public bool Champion { get; init; }

    /// <summary>The learn sequence it started at.</summary>
    public long StartedAt { get; init; }

    public long Examples { get; init; }

    public long Skipped { get; init; }

    public double? Rolling { get; init; }

    public double? Global { get; init; }

    public double? Holdout { get; init; }
}
