namespace Eddy.Storage;

/// <summary>A raw ingested file: its source, its name (which starts with the UTC time it was received), its size.</summary>
public sealed record RawFile(string Source, string Name, long Bytes)
{
    /// <summary>SHA-256 of the content, hex (known when it was just written).</summary>
    public string? Sha256 { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }
}
