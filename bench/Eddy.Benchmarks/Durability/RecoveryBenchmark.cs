using System.Diagnostics;
using Eddy.Server.Persistence;
using Eddy.Storage;

namespace Eddy.Benchmarks.Durability;

/// <summary>
/// <c>recovery</c>: logs N Phishing-like examples for the default model through the NDJSON stream of an in-process
/// server (no snapshot, so recovery must replay every one), stops it, then times a fresh
/// <see cref="Eddy.Server.EddyServer.Create"/> on that directory several times: it opens the log (validating every
/// segment's checksums), reads every record and replays it into the model. Prints every repetition and the median.
/// <c>--snapshots</c> keeps the server's default snapshot policy instead (recovery then loads the newest snapshot and
/// replays only the log after it).
/// </summary>
internal static class RecoveryBenchmark
{
    private const int ChunkLines = 100_000;

    public static async Task<int> RunAsync(CommandOptions options)
    {
        int examples = options.Int("--examples", 1_000_000);
        int repetitions = options.Int("--repetitions", 7);
        bool snapshots = options.Flag("--snapshots");
        string[] policy = snapshots ? [] : ["--Eddy:SnapshotEvery=1000000000", "--Eddy:SnapshotInterval=365.00:00:00"];
        string directory = Directory.CreateTempSubdirectory("eddy-recovery-").FullName;
        string empty = Directory.CreateTempSubdirectory("eddy-empty-").FullName;
        try
        {
            var fill = Stopwatch.StartNew();
            await using (BenchServer server = await BenchServer.StartAsync(directory, "OsBuffered", policy))
            {
                for (int sent = 0, seed = 1; sent < examples; sent += ChunkLines, seed++)
                {
                    long errors = await LearnClient.StreamAsync(server.BaseAddress, PhishingLike.Ndjson(Math.Min(ChunkLines, examples - sent), seed));
                    if (errors > 0)
                    {
                        throw new InvalidOperationException($"{errors} stream lines were refused.");
                    }
                }

                Console.WriteLine($"# logged {server.Statistics.Records:N0} records ({server.Statistics.Bytes / 1e6:F1} MB) in {fill.Elapsed.TotalSeconds:F1} s");
            }

            long logBytes = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);
            Console.WriteLine($"# data directory: {logBytes / 1e6:F1} MB on disk; snapshots: {(snapshots ? "server default" : "none")}");

            // What EddyServer.Create costs with nothing to recover (host, DI, routes), for comparison.
            double baseline = Median(Enumerable.Range(0, 3).Select(_ => TimeCreate(empty, policy).Total).ToList());
            Console.WriteLine($"# Create on an empty data directory: {baseline:F0} ms (median of 3)");
            Console.WriteLine("repetition  create ms  Recovery.Run ms  records  replayed/s");
            var totals = new List<double>();
            var runs = new List<double>();
            for (int i = 1; i <= repetitions; i++)
            {
                (double total, long run, long records) = TimeCreate(directory, policy);
                totals.Add(total);
                runs.Add(run);
                Console.WriteLine($"{i,10} {total,10:F0} {run,16} {records,8} {records / (total / 1000),11:N0}");
            }

            Console.WriteLine($"median      {Median(totals),10:F0} {Median(runs),16:F0}   (first repetition includes JIT: {totals[0]:F0} ms)");
            Breakdown(directory);
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            Directory.Delete(empty, recursive: true);
        }
    }

    /// <summary>Where recovery's time goes: opening (validating) the log, reading its records, decoding them.</summary>
    private static void Breakdown(string directory)
    {
        var open = new List<double>();
        var read = new List<double>();
        var decode = new List<double>();
        for (int i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            WriteAheadLog log = WriteAheadLog.Open(directory, new WalOptions());
            open.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            long count = 0;
            foreach (WalRecord record in log.Read())
            {
                count += record.Payload.Length > 0 ? 1 : 0;
            }

            read.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var features = new Eddy.Server.Json.RawExample();
            foreach (WalRecord record in log.Read())
            {
                if ((LogRecordKind)record.Kind == LogRecordKind.Learned)
                {
                    count += LogRecords.ReadLearned(record.Payload, features).Sequence > 0 ? 1 : 0;
                }
            }

            decode.Add(clock.Elapsed.TotalMilliseconds);
            log.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Console.WriteLine(
            $"# medians of 3: WriteAheadLog.Open (validates every segment) {Median(open):F0} ms; reading every record {Median(read):F0} ms; " +
            $"reading and decoding every learn record (LogRecords.ReadLearned) {Median(decode):F0} ms");
    }

    private static (double Total, long Run, long Records) TimeCreate(string directory, string[] policy)
    {
        var clock = Stopwatch.StartNew();
        BenchServer server = BenchServer.Create(directory, "Fsync", policy);
        double total = clock.Elapsed.TotalMilliseconds;
        (long run, long records) = (server.RecoveryMilliseconds, server.RecoveredRecords);
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return (total, run, records);
    }

    private static double Median(List<double> values)
    {
        values = [.. values.Order()];
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
