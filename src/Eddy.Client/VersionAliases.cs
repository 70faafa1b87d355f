namespace Eddy.Client;

/// <summary>The current version and the one it superseded (null while there is only one).</summary>
public sealed class VersionAliases
{
    public int Champion { get; init; }

    public int? Previous { get; init; }
}
