using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Eddy.Redis.Tests.Support;

/// <summary>
/// Clients of a deployment under test: learns with idempotency keys, spread over servers, retried on another server
/// after a 503 or a dropped connection (the outcome of such a learn is unknown, so only a retry with the same key is
/// safe). What was acknowledged is recorded: the truth every test checks the deployment against.
/// </summary>
internal sealed class Load(IReadOnlyList<EddyNode> servers)
{
    private int _next;

    /// <summary>Acknowledged learns: idempotency key → the stream position the server answered.</summary>
    public ConcurrentDictionary<string, long> Acknowledged { get; } = new(StringComparer.Ordinal);

    public List<EddyNode> Servers { get; } = [.. servers];

    public static string Example(int i) =>
        $$"""{"x": {"a": {{(i % 17) * 0.25}}, "b": {{(i % 5) - 2}}, "c": {{Math.Sin(i)}}}, "y": {{((i % 17) * 0.25 + Math.Sin(i) > 2 ? "true" : "false")}}}""";

    /// <summary>Learns <paramref name="i"/> until a server acknowledges it (the test fails after many refusals).</summary>
    public async Task LearnAsync(string model, string key, int i, CancellationToken cancellation = default)
    {
        for (int attempt = 0; attempt < 400; attempt++)
        {
            EddyNode server;
            lock (Servers)
            {
                server = Servers[(int)((uint)Interlocked.Increment(ref _next) % (uint)Servers.Count)];
            }

            try
            {
                using HttpResponseMessage response = await server.PostAsync($"/v1/models/{model}/learn", Example(i), key);
                string body = await response.Content.ReadAsStringAsync(cancellation);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    long sequence = JsonDocument.Parse(body).RootElement.GetProperty("sequence").GetInt64();
                    Assert.True(Acknowledged.GetOrAdd(key, sequence) == sequence, $"The key {key} was acknowledged at two positions.");
                    return;
                }

                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"learn {key}: {(int)response.StatusCode} {body}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
            catch (HttpRequestException)
            {
                // The server is down (killed by the test): try another one.
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // A request that timed out: its outcome is unknown; the retry with the same key settles it.
            }

            await Task.Delay(25, cancellation);
        }

        Assert.Fail($"The learn {key} was never acknowledged.");
    }

    /// <summary>Drops a server from the rotation (before the test kills it).</summary>
    public void Remove(EddyNode server)
    {
        lock (Servers)
        {
            Servers.Remove(server);
        }
    }
}
