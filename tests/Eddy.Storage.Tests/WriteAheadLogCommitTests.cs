using System.Buffers.Binary;
using System.Diagnostics;
using Eddy.Storage.Tests.Support;

namespace Eddy.Storage.Tests;

public sealed class WriteAheadLogCommitTests
{
    private const int Appenders = 32;
    private const int RecordsPerAppender = 1_000;

    /// <summary>
    /// Group commit: concurrent appenders that each wait for durability share fsyncs (a sync per record would give
    /// Syncs == Records), and every acknowledged record is back after a reopen, each appender's in its own order.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task WaitForDurable_ConcurrentAppenders_ShareSyncsAndKeepOrder()
    {
        using var temp = new TempDirectory();
        var options = new WalOptions(SegmentBytes: 64 << 10);
        WalStatistics statistics;
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, options))
        {
            var appenders = new Task[Appenders];
            for (int a = 0; a < Appenders; a++)
            {
                int appender = a;
                appenders[a] = Task.Run(async () =>
                {
                    var payload = new byte[8];
                    for (int j = 0; j < RecordsPerAppender; j++)
                    {
                        BinaryPrimitives.WriteInt32LittleEndian(payload, appender);
                        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(4), j);
                        long lsn = log.Append(7, payload);
                        await log.WaitForDurableAsync(lsn);
                        Assert.True(log.DurableLsn >= lsn);
                    }
                }, TestContext.Current.CancellationToken);
            }

            await Task.WhenAll(appenders);
            statistics = log.Statistics;
            TestContext.Current.TestOutputHelper?.WriteLine($"fsync group commit: {statistics}");
            Assert.Equal(Appenders * RecordsPerAppender, statistics.Records);
            Assert.True(statistics.Syncs < statistics.Records / 4, statistics.ToString());
        }

        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, options))
        {
            var next = new int[Appenders];
            long expectedLsn = 1;
            foreach (WalRecord record in log.Read())
            {
                Assert.Equal(expectedLsn++, record.Lsn);
                int appender = BinaryPrimitives.ReadInt32LittleEndian(record.Payload.Span);
                int j = BinaryPrimitives.ReadInt32LittleEndian(record.Payload.Span[4..]);
                Assert.Equal(next[appender]++, j);
            }

            Assert.Equal(Appenders * RecordsPerAppender + 1, expectedLsn);
            Assert.All(next, n => Assert.Equal(RecordsPerAppender, n));
        }
    }

    /// <summary>
    /// Group gathering: a commit waits for the writers the previous one acknowledged. Record 1 syncs slowly while
    /// records 2–5 queue; when it is acknowledged, its writer comes back with record 6, which joins 2–5 in one commit
    /// instead of starting a third (syncing at once would have split them, as two halves of the writers alternate).
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task WaitForDurable_AcknowledgedWriterReturnsWithinASync_JoinsTheWaitingGroup()
    {
        using var temp = new TempDirectory();
        var files = new FaultyFileSystem();
        await using WriteAheadLog log = OpenGathering(temp, files);
        Task[] queued = await QueueBehindSlowSyncAsync(log, files);

        Records.Append(log, 6);
        await log.WaitForDurableAsync(6, TestContext.Current.CancellationToken);
        await Task.WhenAll(queued);
        Assert.Equal(2, log.Statistics.Commits);
        Assert.Equal(0, log.Statistics.ShortCommits);
    }

    /// <summary>The writers a commit expects never come: the waiting group is committed anyway after a sync's time.</summary>
    [Fact(Timeout = 60_000)]
    public async Task WaitForDurable_ExpectedWriterNeverReturns_CommitsTheGroupAfterASync()
    {
        using var temp = new TempDirectory();
        var files = new FaultyFileSystem();
        await using WriteAheadLog log = OpenGathering(temp, files);
        Task[] queued = await QueueBehindSlowSyncAsync(log, files);

        await Task.WhenAll(queued).WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(5, log.DurableLsn);
        Assert.Equal(2, log.Statistics.Commits);
        Assert.Equal(1, log.Statistics.ShortCommits);
    }

    /// <summary>
    /// Record 1 is synced for about 300 ms (the first sync: the average is that one) while records 2–5 wait; returns
    /// their waits once 1 is durable.
    /// </summary>
    // The held sync makes syncs slow; the long limit keeps the gathering window well above the test's own latency.
    private static WriteAheadLog OpenGathering(TempDirectory temp, FaultyFileSystem files) =>
        WriteAheadLog.Open(temp.Path, new WalOptions { GatherLimit = TimeSpan.FromSeconds(5) }, files);

    private static async Task<Task[]> QueueBehindSlowSyncAsync(WriteAheadLog log, FaultyFileSystem files)
    {
        int syncsBefore = files.SyncsStarted;
        files.HoldSyncs();
        Task first = log.WaitForDurableAsync(Records.Append(log, 1)).AsTask();
        while (files.SyncsStarted == syncsBefore)
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        var queued = new Task[4];
        for (int i = 0; i < queued.Length; i++)
        {
            queued[i] = log.WaitForDurableAsync(Records.Append(log, i + 2)).AsTask();
        }

        await Task.Delay(300, TestContext.Current.CancellationToken);
        files.ReleaseSyncs();
        await first;
        Assert.Equal(1, log.Statistics.Commits);
        return queued;
    }

    [Fact]
    public void Open_NegativeGatherLimit_Throws()
    {
        using var temp = new TempDirectory();
        Assert.Throws<ArgumentOutOfRangeException>(() => WriteAheadLog.Open(temp.Path, new WalOptions { GatherLimit = TimeSpan.FromMilliseconds(-1) }));
    }

    /// <summary>OsBuffered commits write without ever syncing, and what they wrote survives a reopen.</summary>
    [Fact(Timeout = 60_000)]
    public async Task WaitForDurable_OsBuffered_NeverSyncsAndSurvivesReopen()
    {
        using var temp = new TempDirectory();
        var options = new WalOptions(SegmentBytes: 4096, Durability: Durability.OsBuffered);
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, options))
        {
            for (long i = 1; i <= 1_000; i++)
            {
                await log.WaitForDurableAsync(Records.Append(log, i), TestContext.Current.CancellationToken);
            }

            Assert.Equal(1_000, log.DurableLsn);
            Assert.True(log.Statistics.Commits > 0);
            Assert.Equal(0, log.Statistics.Syncs);
        }

        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, options))
        {
            Records.AssertRange(log.Read(), 1, 1_000);
        }
    }

    /// <summary>Records appended without any wait are written by dispose.</summary>
    [Fact]
    public async Task DisposeAsync_UnwaitedRecords_AreWritten()
    {
        using var temp = new TempDirectory();
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, new WalOptions(SegmentBytes: 2048)))
        {
            for (long i = 1; i <= 200; i++)
            {
                Records.Append(log, i);
            }
        }

        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, new WalOptions(SegmentBytes: 2048)))
        {
            Records.AssertRange(log.Read(), 1, 200);
        }
    }

    /// <summary>
    /// Not a benchmark: one rough figure for the report. One thread, Append + WaitForDurable per record, OsBuffered;
    /// then the same records appended in batches of 1,000 with one wait per batch.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task Throughput_OsBufferedSingleThread_IsReported()
    {
        const int count = 300_000;
        using var temp = new TempDirectory();
        var payload = new byte[32];
        await using WriteAheadLog log = WriteAheadLog.Open(temp.Path, new WalOptions(Durability: Durability.OsBuffered));
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            await log.WaitForDurableAsync(log.Append(1, payload), TestContext.Current.CancellationToken);
        }

        double perRecord = count / watch.Elapsed.TotalSeconds;
        watch.Restart();
        for (int i = 0; i < count; i++)
        {
            long lsn = log.Append(1, payload);
            if (i % 1_000 == 999)
            {
                await log.WaitForDurableAsync(lsn, TestContext.Current.CancellationToken);
            }
        }

        double batched = count / watch.Elapsed.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"OsBuffered, 32-byte payloads, one thread: {perRecord:N0} records/s waiting per record, " +
            $"{batched:N0} records/s waiting per 1,000; {log.Statistics}");
        Assert.Equal(2L * count, log.DurableLsn);
    }
}
