using System.Text.Json;

namespace Eddy.Client;

/// <summary>
/// One model version: how it came to be, the learns it served (sequences <see cref="FirstSequence"/>+1 to
/// <see cref="LastSequence"/>, open while current), its definition and its scores.
/// </summary>
public sealed class VersionEntry
{
    public int Version { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><c>created</c>, <c>pipeline</c>, <c>metrics</c>, <c>monitors</c>, <c>output</c>, <c>restore</c>, ….</summary>
    public string Change { get; init; } = "";

    /// <summary>The version a restore brought back.</summary>
    public int? RestoredFrom { get; init; }

    public List<string> Aliases { get; init; } = [];

    public long FirstSequence { get; init; }

    public long? LastSequence { get; init; }

    /// <summary>False for the current version and for old versions whose state is no longer kept.</summary>
    public bool Restorable { get; init; }

    public JsonElement Spec { get; init; }

    public JsonElement? Output { get; init; }

    public VersionScores Scores { get; init; } = new();
}
