namespace Eddy.Client;

/// <summary>A model's versions, oldest first; <see cref="Version"/> is the current one (the champion).</summary>
public sealed class ModelVersions
{
    public string Model { get; init; } = "";

    public int Version { get; init; }

    public long Sequence { get; init; }

    public VersionAliases Aliases { get; init; } = new();

    public List<VersionEntry> Versions { get; init; } = [];
}
