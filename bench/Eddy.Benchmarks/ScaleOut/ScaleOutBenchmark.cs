using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Eddy.Benchmarks.Durability;

namespace Eddy.Benchmarks.ScaleOut;

/// <summary>
/// <c>scaleout</c>: against a running deployment (bench/wrk/scaleout.sh starts Redis, a trainer and the servers):
/// learn throughput through Redis with <c>learn_many</c> batches spread over the servers — acknowledged, and applied
/// and published by the trainer — then the propagation delay from an acknowledged learn to the moment every server
/// answers a read-your-writes prediction covering it.
/// </summary>
internal static class ScaleOutBenchmark
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        Uri[] servers = [.. options.List("--servers", "http://127.0.0.1:5181").Select(s => new Uri(s))];
        int batch = options.Int("--batch", 100);
        int seconds = options.Int("--seconds", 10);
        int clients = options.Int("--clients", 8);
        int probes = options.Int("--probes", 500);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await ThroughputAsync(http, servers, batch, seconds, clients);
        await PropagationAsync(http, servers, probes);
        return 0;
    }

    private static async Task ThroughputAsync(HttpClient http, Uri[] servers, int batch, int seconds, int clients)
    {
        byte[] body = PhishingLike.Array(batch, seed: 3);
        long start = await OffsetAsync(http, servers[0]);
        long acknowledged = 0;
        long refused = 0;
        var clock = Stopwatch.StartNew();
        var stop = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            int next = client;
            while (clock.Elapsed < stop)
            {
                Uri server = servers[next++ % servers.Length];
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using HttpResponseMessage response = await http.PostAsync(new Uri(server, "/v1/models/default/learn_many"), content);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref acknowledged, batch);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));
        double acknowledgedSeconds = clock.Elapsed.TotalSeconds;

        // Sustained: until the trainer has applied and published everything acknowledged.
        long target = start + acknowledged;
        while (await OffsetAsync(http, servers[0]) < target)
        {
            await Task.Delay(5);
        }

        double appliedSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"learn_many x{batch}, {clients} clients over {servers.Length} servers, {seconds} s: {acknowledged:N0} examples acknowledged ({refused} batches refused)");
        Console.WriteLine($"  acknowledged: {acknowledged / acknowledgedSeconds:N0} examples/s; applied and published by the trainer: {acknowledged / appliedSeconds:N0} examples/s (caught up {appliedSeconds - acknowledgedSeconds:F2} s after the last acknowledgement)");
    }

    private static async Task PropagationAsync(HttpClient http, Uri[] servers, int probes)
    {
        var delays = new double[probes];
        byte[] learn = Encoding.UTF8.GetBytes("""{"x": {"https": 1.0, "popup_window": 0.5}, "y": 1}""");
        byte[] predict = Encoding.UTF8.GetBytes("""{"x": {"https": 1.0, "popup_window": 0.5}}""");
        for (int i = 0; i < probes; i++)
        {
            using var content = new ByteArrayContent(learn);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using HttpResponseMessage learned = await http.PostAsync(new Uri(servers[i % servers.Length], "/v1/models/default/learn"), content);
            learned.EnsureSuccessStatusCode();
            long acknowledgedAt = Stopwatch.GetTimestamp();
            string sequence = JsonDocument.Parse(await learned.Content.ReadAsStringAsync()).RootElement.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture);
            await Task.WhenAll(servers.Select(async server =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/v1/models/default/predict")) { Content = new ByteArrayContent(predict) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("Eddy-After", sequence);
                using HttpResponseMessage response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }));
            delays[i] = Stopwatch.GetElapsedTime(acknowledgedAt).TotalMilliseconds;
            await Task.Delay(2);
        }

        Array.Sort(delays);
        Console.WriteLine($"propagation (acknowledged learn → a read-your-writes prediction answered by all {servers.Length} servers), {probes} probes:");
        Console.WriteLine($"  p50 {Percentile(delays, 0.50):F2} ms, p90 {Percentile(delays, 0.90):F2} ms, p99 {Percentile(delays, 0.99):F2} ms, max {delays[^1]:F2} ms");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<long> OffsetAsync(HttpClient http, Uri server)
    {
        using JsonDocument model = JsonDocument.Parse(await http.GetStringAsync(new Uri(server, "/v1/models/default")));
        return model.RootElement.GetProperty("offset").GetInt64();
    }
}
