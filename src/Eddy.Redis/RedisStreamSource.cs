using Eddy.Server.ScaleOut;
using StackExchange.Redis;

namespace Eddy.Redis;

/// <summary>Reads Redis Streams for ingest (<c>POST /v1/ingest/{source}/redis</c>): XRANGE page by page on the process's connection.</summary>
internal sealed class RedisStreamSource(RedisBackend backend) : IStreamSource
{
    public string Description => backend.Description;

    public async Task<string> KindAsync(string key, CancellationToken cancellation)
    {
        RedisType type = await Call(() => backend.Database.KeyTypeAsync(key), cancellation).ConfigureAwait(false);
        return type.ToString().ToLowerInvariant();
    }

    public async Task<IReadOnlyList<SourceEntry>> ReadAsync(string key, string start, int count, CancellationToken cancellation)
    {
        StreamEntry[] entries = await Call(() => backend.Database.StreamRangeAsync(key, start, "+", count), cancellation).ConfigureAwait(false);
        var read = new SourceEntry[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            NameValueEntry[] values = entries[i].Values;
            var fields = new KeyValuePair<string, string>[values.Length];
            for (int j = 0; j < values.Length; j++)
            {
                fields[j] = new KeyValuePair<string, string>(values[j].Name.ToString(), values[j].Value.ToString());
            }

            read[i] = new SourceEntry(entries[i].Id.ToString(), fields);
        }

        return read;
    }

    /// <summary>Backend failures become <see cref="IOException"/>, the port's one error, so the server needs no Redis types.</summary>
    private async Task<T> Call<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        try
        {
            return await call().WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new IOException($"{backend.Description} could not be read: {e.Message}", e);
        }
    }
}
