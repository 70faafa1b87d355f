namespace Eddy.Client;

/// <summary>
/// An RFC 9457 problem as the server reports it: a stable <see cref="Type"/> (<c>urn:eddy:problem:invalid-label</c>),
/// the HTTP status, a human <see cref="Detail"/> and the JSON path of the value at fault (<see cref="Field"/>).
/// </summary>
public sealed class EddyProblem
{
    public const string TypePrefix = "urn:eddy:problem:";

    public string Type { get; init; } = "about:blank";

    public string? Title { get; init; }

    public int Status { get; init; }

    public string? Detail { get; init; }

    public string? Field { get; init; }

    public string? Instance { get; init; }

    /// <summary>The last part of an Eddy problem type (<c>model-not-found</c>), or null for another type.</summary>
    public string? Slug => Type.StartsWith(TypePrefix, StringComparison.Ordinal) ? Type[TypePrefix.Length..] : null;

    public override string ToString() => $"{Status} {Type}: {Detail ?? Title}";
}
