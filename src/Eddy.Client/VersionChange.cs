namespace Eddy.Client;

/// <summary>The answer to a change or restore: the model version now current and the learn sequence it starts at.</summary>
public sealed class VersionChange
{
    public string Model { get; init; } = "";

    public int Version { get; init; }

    /// <summary>What changed: <c>pipeline</c>, <c>metrics</c>, <c>monitors</c>, <c>output</c>, <c>restore</c>, or <c>none</c>.</summary>
    public string Change { get; init; } = "";

    public long Sequence { get; init; }
}
