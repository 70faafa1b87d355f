using System.Diagnostics;
using Eddy.Storage;

namespace Eddy.Benchmarks.Durability;

/// <summary>
/// <c>append</c>: learn throughput into the write-ahead log through the batch routes of an in-process server, for
/// each durability mode: the NDJSON stream (bodies of <c>--stream-lines</c> lines, one connection each) and
/// <c>learn_many</c> (bodies of 10,000 items). Every example is one log record; the log's own counters give the
/// group commits and fsyncs. Each case starts on a fresh data directory and is warmed up first (after
/// <c>--warmup-passes</c> unreported passes of every route, 3 by default, for the JIT). Route
/// <c>stream-logged</c> is the stream with <c>?ack=logged</c> (bulk ingestion: batches of examples logged ahead of
/// learning): examples/s is then the acknowledged (durable) rate, and the rate at which the model learned them follows.
/// </summary>
internal static class AppendBenchmark
{
    private const int BatchItems = 10_000;

    public static async Task<int> RunAsync(CommandOptions options)
    {
        int examples = options.Int("--examples", 1_000_000);
        int streamLines = options.Int("--stream-lines", 250_000);
        string[] modes = options.List("--modes", "OsBuffered", "Fsync");
        string[] routes = options.List("--routes", "stream", "learn_many");
        int[] connections = [.. options.List("--connections", "1", "4").Select(int.Parse)];
        int warmupPasses = options.Int("--warmup-passes", 3);

        byte[] stream = PhishingLike.Ndjson(streamLines, seed: 1);
        byte[] batch = PhishingLike.Array(BatchItems, seed: 2);
        Console.WriteLine($"# {examples:N0} examples per case; stream body {streamLines:N0} lines ({stream.Length / 1e6:F1} MB); learn_many body {BatchItems:N0} items ({batch.Length / 1e6:F1} MB)");

        // The JIT tiers a method up only after it has run for a while (call counts, then a background compile of the
        // optimised and profile-guided code), and a case is short: without these unreported passes the first case
        // measured a half-compiled server at 40 % of its later speed (the learner's loops are the slowest to tier up).
        for (int pass = 0; pass < warmupPasses; pass++)
        {
            foreach (string route in routes)
            {
                bool isStream = route.StartsWith("stream", StringComparison.Ordinal);
                await RunCaseAsync(modes[0], route, connections[^1], isStream ? stream : batch, isStream ? streamLines : BatchItems, examples, report: false);
            }
        }

        Console.WriteLine("durability route       conns   examples/s  commits  ex/commit   fsyncs  fsyncs/s  ex/fsync");
        foreach (string mode in modes)
        {
            foreach (string route in routes)
            {
                foreach (int connectionCount in connections)
                {
                    bool isStream = route.StartsWith("stream", StringComparison.Ordinal);
                    await RunCaseAsync(mode, route, connectionCount, isStream ? stream : batch, isStream ? streamLines : BatchItems, examples, report: true);
                }
            }
        }

        return 0;
    }

    private static async Task RunCaseAsync(string mode, string route, int connectionCount, byte[] body, int perBody, int examples, bool report)
    {
        string directory = Directory.CreateTempSubdirectory("eddy-append-").FullName;
        try
        {
            await using BenchServer server = await BenchServer.StartAsync(directory, mode, $"--Eddy:MaxBodyBytes={body.Length + 1024}");
            var clients = Enumerable.Range(0, connectionCount).Select(_ => LearnClient.Create(server.BaseAddress)).ToList();
            await SendAsync(route, clients, body, 1);

            int bodies = Math.Max(1, examples / perBody);
            WalStatistics statistics = server.Statistics;
            (long records, long commits, long syncs) = (statistics.Records, statistics.Commits, statistics.Syncs);
            var clock = Stopwatch.StartNew();
            await SendAsync(route, clients, body, bodies);
            double seconds = clock.Elapsed.TotalSeconds;
            records = statistics.Records - records;
            commits = statistics.Commits - commits;
            syncs = statistics.Syncs - syncs;
            long expected = (long)bodies * perBody;
            string learned = "";
            if (route == "stream-logged")
            {
                // One record per batch: count examples by the model's sequence once it has learned them all.
                long target = (long)(bodies + 1) * perBody;
                while (server.LearnedExamples < target)
                {
                    await Task.Delay(1);
                }

                learned = $"  (learned by {clock.Elapsed.TotalSeconds:F2} s: {expected / clock.Elapsed.TotalSeconds:N0}/s)";
                commits = Math.Max(commits, 1);
                records = expected;
            }

            if (records != expected)
            {
                throw new InvalidOperationException($"{expected} examples sent, {records} logged.");
            }

            if (report)
            {
                Console.WriteLine(
                    $"{mode,-10} {route,-11} {connectionCount,5} {records / seconds,12:N0} {commits,8} {(double)records / commits,10:F0} {syncs,8} " +
                    $"{syncs / seconds,9:F0} {(syncs > 0 ? ((double)records / syncs).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : "-"),9}{learned}");
            }

            clients.ForEach(client => client.Dispose());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Sends <paramref name="bodies"/> bodies, spread over the clients, each client one request at a time.</summary>
    private static async Task SendAsync(string route, List<HttpClient> clients, byte[] body, int bodies)
    {
        int next = 0;
        long errors = 0;
        await Task.WhenAll(clients.Select(async client =>
        {
            while (Interlocked.Increment(ref next) <= bodies)
            {
                long refused = route switch
                {
                    "stream" => await LearnClient.StreamAsync(client.BaseAddress!, body),
                    "stream-logged" => await LearnClient.StreamAsync(client.BaseAddress!, body, "?ack=logged"),
                    _ => await LearnClient.LearnManyAsync(client, body),
                };
                Interlocked.Add(ref errors, refused);
            }
        }));
        if (errors > 0)
        {
            throw new InvalidOperationException($"{errors} examples were refused.");
        }
    }
}
