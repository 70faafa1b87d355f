using System.Collections.Concurrent;
using Eddy.Storage.Tests.Support;

namespace Eddy.Storage.Tests;

/// <summary>
/// Invariant of every test here: once a write or fsync fails, no waiter is told its record is durable, the log
/// refuses further work, and after reopening on the real file system every record that was acknowledged is present.
/// </summary>
public sealed class WriteAheadLogFaultTests
{
    private const int Appenders = 8;

    // Faults are armed after this many acknowledgements, so some commits succeed before and some fail after.
    private const int AcknowledgedBeforeFault = 400;

    [Theory(Timeout = 60_000)]
    [InlineData(false)] // fsync fails
    [InlineData(true)]  // write fails half-way (disk full), leaving a torn record
    public async Task Commit_FaultInjected_WaitersFailAndAcknowledgedRecordsSurvive(bool failWrite)
    {
        using var temp = new TempDirectory();
        var options = new WalOptions(SegmentBytes: 4096);
        var fileSystem = new FaultyFileSystem();
        var acknowledged = new ConcurrentDictionary<long, long>();
        long appended = 0;
        int failures = 0;
        WriteAheadLog log = WriteAheadLog.Open(temp.Path, options, fileSystem);
        var appenders = new Task[Appenders];
        for (int a = 0; a < Appenders; a++)
        {
            appenders[a] = Task.Run(async () =>
            {
                while (true)
                {
                    long i = Interlocked.Increment(ref appended);
                    long lsn;
                    try
                    {
                        lsn = log.Append(Records.Kind(i), Records.Payload(i));
                        await log.WaitForDurableAsync(lsn);
                    }
                    catch (WalWriteException)
                    {
                        Interlocked.Increment(ref failures);
                        return;
                    }

                    acknowledged[lsn] = i;
                    if (acknowledged.Count == AcknowledgedBeforeFault)
                    {
                        fileSystem.FailSync = !failWrite;
                        fileSystem.FailWrite = failWrite;
                    }
                }
            }, TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(appenders);
        Assert.Equal(Appenders, failures);
        Assert.True(acknowledged.Count >= AcknowledgedBeforeFault);
        Assert.Throws<WalWriteException>(() => log.Append(1, [1]));
        await Assert.ThrowsAsync<WalWriteException>(async () => await log.WaitForDurableAsync(log.LastLsn));
        long durable = log.DurableLsn;
        Assert.All(acknowledged.Keys, lsn => Assert.True(lsn <= durable));
        await log.DisposeAsync();

        await using WriteAheadLog reopened = WriteAheadLog.Open(temp.Path, options);
        var found = reopened.Read().ToDictionary(r => r.Lsn);
        foreach ((long lsn, long i) in acknowledged)
        {
            Assert.True(found.TryGetValue(lsn, out WalRecord record), $"acknowledged LSN {lsn} is missing");
            Assert.Equal(Records.Payload(i), record.Payload.ToArray());
        }

        Records.Append(reopened, 1);
        await reopened.WaitForDurableAsync(reopened.LastLsn, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Zero-filling ahead is only an optimisation: when it fails part-way (a full disk), commits go on, every
    /// acknowledged record survives, and recovery reads the partly reserved zeros as the end of the log.
    /// </summary>
    [Fact]
    public async Task Commit_ReserveFails_CommitsGoOnAndRecoveryKeepsEveryRecord()
    {
        using var temp = new TempDirectory();
        var options = new WalOptions(SegmentBytes: 8L << 20);
        var fileSystem = new FaultyFileSystem { FailReserve = true };
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, options, fileSystem))
        {
            for (long i = 1; i <= 30; i++)
            {
                Assert.Equal(i, Records.Append(log, i));
                await log.WaitForDurableAsync(i, TestContext.Current.CancellationToken);
            }

            // Half of the first reserved range was filled before the injected failure; no later attempt is made.
            string segment = Assert.Single(temp.SegmentPaths());
            Assert.True(new FileInfo(segment).Length > 100_000);
            File.Copy(segment, segment + ".crashed");
        }

        string path = Assert.Single(temp.SegmentPaths());
        File.Move(path + ".crashed", path, overwrite: true);
        var messages = new List<string>();
        await using (WriteAheadLog reopened = WriteAheadLog.Open(temp.Path, options, log: messages.Add))
        {
            Assert.Empty(messages);
            Records.AssertRange(reopened.Read(), 1, 30);
        }
    }

    /// <summary>A failure while a new segment is being created fails the log the same way.</summary>
    [Fact(Timeout = 60_000)]
    public async Task Commit_SyncFailsDuringSegmentRoll_FailsAndRecovers()
    {
        using var temp = new TempDirectory();
        var options = new WalOptions(SegmentBytes: 512);
        var fileSystem = new FaultyFileSystem();
        WriteAheadLog log = WriteAheadLog.Open(temp.Path, options, fileSystem);
        for (long i = 1; i <= 5; i++)
        {
            await log.WaitForDurableAsync(Records.Append(log, i), TestContext.Current.CancellationToken);
        }

        fileSystem.FailSync = true;
        long last = 0;
        for (long i = 6; i <= 40; i++)
        {
            last = Records.Append(log, i);
        }

        await Assert.ThrowsAsync<WalWriteException>(async () => await log.WaitForDurableAsync(last));
        Assert.Equal(5, log.DurableLsn);
        await log.DisposeAsync();

        await using WriteAheadLog reopened = WriteAheadLog.Open(temp.Path, options);
        Assert.True(reopened.LastLsn >= 5);
        Records.AssertRange(reopened.Read(), 1, reopened.LastLsn);
    }
}
