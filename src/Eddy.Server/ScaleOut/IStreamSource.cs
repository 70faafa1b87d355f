namespace Eddy.Server.ScaleOut;

/// <summary>
/// The server's seam to an external stream of records (<c>Eddy.Redis</c> reads Redis Streams): what ingest copies into
/// a raw NDJSON file. Registered only when the server runs with Redis.
/// </summary>
internal interface IStreamSource
{
    /// <summary>Where the records are, for messages (no credentials).</summary>
    public string Description { get; }

    /// <summary>
    /// The kind of <paramref name="key"/>: <c>stream</c>, <c>none</c> when there is no such key, or another type's name.
    /// <see cref="IOException"/> when the backend cannot be reached.
    /// </summary>
    public Task<string> KindAsync(string key, CancellationToken cancellation);

    /// <summary>
    /// Up to <paramref name="count"/> entries with an id at or after <paramref name="start"/> (<c>ms-seq</c>), in id order.
    /// <see cref="IOException"/> when the backend cannot be reached.
    /// </summary>
    public Task<IReadOnlyList<SourceEntry>> ReadAsync(string key, string start, int count, CancellationToken cancellation);
}

/// <summary>One stream entry: its id (<c>ms-seq</c>) and its fields in order, values as text (UTF-8).</summary>
internal sealed record SourceEntry(string Id, IReadOnlyList<KeyValuePair<string, string>> Fields);
