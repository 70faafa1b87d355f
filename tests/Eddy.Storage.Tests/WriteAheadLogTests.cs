using System.Buffers.Binary;
using Eddy.Serialization;
using Eddy.Storage.Tests.Support;

namespace Eddy.Storage.Tests;

public sealed class WriteAheadLogTests
{
    // Small segments make every test cross many segment boundaries (a record here is at most 80 bytes).
    private static readonly WalOptions s_small = new(SegmentBytes: 1024);

    /// <summary>Records survive a reopen in order, across segments, and appending continues at the next LSN.</summary>
    [Fact]
    public async Task AppendReopenRead_SeveralSegments_RoundTripsAndContinues()
    {
        using var temp = new TempDirectory();
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, s_small))
        {
            Assert.Equal(0, log.LastLsn);
            long lsn = 0;
            for (long i = 1; i <= 500; i++)
            {
                lsn = Records.Append(log, i);
                Assert.Equal(i, lsn);
            }

            await log.WaitForDurableAsync(lsn, TestContext.Current.CancellationToken);
            Assert.Equal(500, log.DurableLsn);
            Records.AssertRange(log.Read(), 1, 500);
        }

        Assert.True(temp.SegmentPaths().Length > 5);
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, s_small))
        {
            Assert.Equal(500, log.LastLsn);
            Assert.Equal(500, log.DurableLsn);
            Records.AssertRange(log.Read(), 1, 500);
            for (long i = 501; i <= 600; i++)
            {
                Assert.Equal(i, Records.Append(log, i));
            }

            await log.WaitForDurableAsync(600, TestContext.Current.CancellationToken);
        }

        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, s_small))
        {
            Records.AssertRange(log.Read(), 1, 600);
            Records.AssertRange(log.Read(fromLsn: 250), 250, 600);
            Assert.Empty(log.Read(fromLsn: 601));
        }
    }

    /// <summary>Every segment stays within SegmentBytes: records never straddle segments.</summary>
    [Fact]
    public async Task Append_ManyRecords_SegmentsNeverExceedSegmentBytes()
    {
        using var temp = new TempDirectory();
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, s_small))
        {
            for (long i = 1; i <= 300; i++)
            {
                await log.WaitForDurableAsync(Records.Append(log, i), TestContext.Current.CancellationToken);
            }
        }

        foreach (string segment in temp.SegmentPaths())
        {
            Assert.InRange(new FileInfo(segment).Length, 32, s_small.SegmentBytes);
        }
    }

    /// <summary>
    /// A crash can cut the last record anywhere or garble it, with or without the zeros the writer reserves after
    /// the records: recovery keeps exactly the records before it and appending continues right after them.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Open_LastRecordTornOrGarbledAtEveryOffset_KeepsPreviousRecords(bool flip, bool reservedZeros)
    {
        const int count = 6;
        using var temp = new TempDirectory();
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, new WalOptions()))
        {
            for (long i = 1; i <= count; i++)
            {
                Records.Append(log, i);
            }

            await log.WaitForDurableAsync(count, TestContext.Current.CancellationToken);
        }

        string segment = Assert.Single(temp.SegmentPaths());
        byte[] original = File.ReadAllBytes(segment);
        int lastRecordStart = original.Length - 20 - Records.Payload(count).Length;
        for (int offset = lastRecordStart; offset < original.Length; offset++)
        {
            byte[] damaged = flip ? (byte[])original.Clone() : original[..offset];
            if (flip)
            {
                damaged[offset] ^= 0x5A;
            }

            if (reservedZeros)
            {
                damaged = [.. damaged, .. new byte[4096]];
            }

            File.WriteAllBytes(segment, damaged);
            var messages = new List<string>();
            await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, new WalOptions(), log: messages.Add))
            {
                Assert.Equal(count - 1, log.LastLsn);
                Records.AssertRange(log.Read(), 1, count - 1);
                int expectedMessages = !flip && offset == lastRecordStart ? 0 : 1;
                Assert.Equal(expectedMessages, messages.Count);
                Assert.Equal(count, Records.Append(log, count));
                await log.WaitForDurableAsync(count, TestContext.Current.CancellationToken);
            }

            await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, new WalOptions()))
            {
                Records.AssertRange(log.Read(), 1, count);
            }
        }
    }

    /// <summary>Zeros after the last record (preallocation, or a crash after the size grew) are a torn tail.</summary>
    [Fact]
    public async Task Open_ZeroedTail_CutsItQuietlyAndKeepsEveryRecord()
    {
        using var temp = new TempDirectory();
        await WriteRecords(temp, new WalOptions(), 10);
        string segment = Assert.Single(temp.SegmentPaths());
        long length = new FileInfo(segment).Length;
        using (FileStream stream = File.OpenWrite(segment))
        {
            stream.SetLength(length + 4096);
        }

        var messages = new List<string>();
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, new WalOptions(), log: messages.Add))
        {
            Records.AssertRange(log.Read(), 1, 10);
            Assert.Empty(messages);
            Assert.Equal(length, new FileInfo(segment).Length);
            Assert.Equal(11, Records.Append(log, 11));
            await log.WaitForDurableAsync(11, TestContext.Current.CancellationToken);
        }

        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, new WalOptions()))
        {
            Records.AssertRange(log.Read(), 1, 11);
        }
    }

    /// <summary>Data after zeros where a header belongs is no reserved range: a torn tail, dropped and reported.</summary>
    [Fact]
    public async Task Open_DataAfterZeroedGap_TruncatesAsTornTail()
    {
        using var temp = new TempDirectory();
        await WriteRecords(temp, new WalOptions(), 10);
        string segment = Assert.Single(temp.SegmentPaths());
        long length = new FileInfo(segment).Length;
        using (FileStream stream = File.OpenWrite(segment))
        {
            stream.SetLength(length + 4096);
            stream.Seek(length + 1000, SeekOrigin.Begin);
            stream.WriteByte(7);
        }

        var messages = new List<string>();
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, new WalOptions(), log: messages.Add))
        {
            Records.AssertRange(log.Read(), 1, 10);
            Assert.Contains($"then data at offset {length + 1000}", Assert.Single(messages));
        }

        Assert.Equal(length, new FileInfo(segment).Length);
    }

    /// <summary>
    /// With Fsync the active segment is zero-filled ahead of its records (so commits sync no size change); a crash
    /// leaves those zeros, and recovery reads every record, reports nothing, and appends right after the last one.
    /// </summary>
    [Fact]
    public async Task Open_AfterCrashWithReservedZeros_RecoversEveryRecordAndAppendsAfterThem()
    {
        using var live = new TempDirectory();
        using var crashed = new TempDirectory();
        var options = new WalOptions(SegmentBytes: 4L << 20);
        await using (WriteAheadLog log = WriteAheadLog.Open(live.Path, options))
        {
            for (long i = 1; i <= 50; i++)
            {
                Records.Append(log, i);
                await log.WaitForDurableAsync(i, TestContext.Current.CancellationToken);
            }

            // What a crash now leaves on disk: the durable records, then the reserved zeros.
            string segment = Assert.Single(live.SegmentPaths());
            Assert.InRange(new FileInfo(segment).Length, 1L << 20, options.SegmentBytes);
            Directory.CreateDirectory(crashed.WalDirectory);
            File.Copy(segment, Path.Combine(crashed.WalDirectory, Path.GetFileName(segment)));
        }

        var messages = new List<string>();
        await using (WriteAheadLog log = WriteAheadLog.Open(crashed.Path, options, log: messages.Add))
        {
            Assert.Empty(messages);
            Records.AssertRange(log.Read(), 1, 50);
            Assert.Equal(51, Records.Append(log, 51));
            await log.WaitForDurableAsync(51, TestContext.Current.CancellationToken);
        }

        await using (WriteAheadLog log = WriteAheadLog.Open(crashed.Path, options))
        {
            Records.AssertRange(log.Read(), 1, 51);
        }

        // A cleanly closed log ends at its last record.
        long written = WalFormat.SegmentHeaderSize;
        for (long i = 1; i <= 50; i++)
        {
            written += WalFormat.RecordHeaderSize + Records.Payload(i).Length;
        }

        Assert.Equal(written, new FileInfo(Assert.Single(live.SegmentPaths())).Length);
    }

    /// <summary>A crash while a segment was being created leaves it empty or zeroed: it is started again, nothing lost.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(4096)]
    public async Task Open_LastSegmentCreationTorn_RecreatesIt(int zeroBytes)
    {
        using var temp = new TempDirectory();
        await WriteRecords(temp, s_small, 100);
        string torn = Path.Combine(temp.WalDirectory, StorageLayout.SegmentFileName(101));
        File.WriteAllBytes(torn, new byte[zeroBytes]);

        var messages = new List<string>();
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, s_small, log: messages.Add))
        {
            Assert.Contains(Path.GetFileName(torn), Assert.Single(messages));
            Assert.Equal(100, log.LastLsn);
            Assert.Equal(101, Records.Append(log, 101));
            await log.WaitForDurableAsync(101, TestContext.Current.CancellationToken);
        }

        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, s_small))
        {
            Records.AssertRange(log.Read(), 1, 101);
        }
    }

    /// <summary>A missing middle segment is never skipped: the error names the missing file.</summary>
    [Fact]
    public async Task Open_MiddleSegmentDeleted_ThrowsNamingIt()
    {
        using var temp = new TempDirectory();
        await WriteRecords(temp, s_small, 300);
        string[] segments = temp.SegmentPaths();
        Assert.True(segments.Length >= 4);
        File.Delete(segments[2]);

        var error = Assert.Throws<WalCorruptException>(() => WriteAheadLog.Open(temp.Path, s_small));
        Assert.Contains(Path.GetFileName(segments[2]), error.Message);
    }

    [Theory]
    [InlineData(0)]  // magic
    [InlineData(8)]  // format version
    [InlineData(17)] // first LSN
    [InlineData(25)] // checksum
    public async Task Open_SegmentHeaderCorrupt_Throws(int offset)
    {
        using var temp = new TempDirectory();
        await WriteRecords(temp, s_small, 300);
        string segment = temp.SegmentPaths()[1];
        byte[] bytes = File.ReadAllBytes(segment);
        bytes[offset] ^= 0x01;
        File.WriteAllBytes(segment, bytes);

        var error = Assert.Throws<WalCorruptException>(() => WriteAheadLog.Open(temp.Path, s_small));
        Assert.Contains(Path.GetFileName(segment), error.Message);
    }

    /// <summary>A sealed segment is synced before the next starts, so a bad record in it is corruption, not a tear.</summary>
    [Fact]
    public async Task Open_RecordCorruptBeforeLastSegment_Throws()
    {
        using var temp = new TempDirectory();
        await WriteRecords(temp, s_small, 300);
        string segment = temp.SegmentPaths()[1];
        byte[] bytes = File.ReadAllBytes(segment);
        bytes[^3] ^= 0x01;
        File.WriteAllBytes(segment, bytes);

        var error = Assert.Throws<WalCorruptException>(() => WriteAheadLog.Open(temp.Path, s_small));
        Assert.Contains("not the last segment", error.Message);
    }

    /// <summary>Fail safe: an older build refuses a newer format instead of truncating records it cannot read.</summary>
    [Fact]
    public async Task Open_NewerVersions_ThrowsInsteadOfTruncating()
    {
        using var temp = new TempDirectory();
        await WriteRecords(temp, new WalOptions(), 3);
        string segment = Assert.Single(temp.SegmentPaths());
        byte[] original = File.ReadAllBytes(segment);

        byte[] newerSegment = (byte[])original.Clone();
        WalFormat.WriteSegmentHeader(newerSegment, 1);
        newerSegment[8] = 2;
        BinaryPrimitives.WriteUInt32LittleEndian(newerSegment.AsSpan(24), Crc32C.Compute(newerSegment.AsSpan(0, 24)));
        File.WriteAllBytes(segment, newerSegment);
        Assert.Contains("format version 2", Assert.Throws<WalCorruptException>(() => WriteAheadLog.Open(temp.Path, new WalOptions())).Message);

        byte[] newerRecord = (byte[])original.Clone();
        int last = original.Length - 20 - Records.Payload(3).Length;
        WalFormat.WriteRecord(newerRecord.AsSpan(last), 3, Records.Kind(3), Records.Payload(3));
        newerRecord[last + 17] = 2;
        BinaryPrimitives.WriteUInt32LittleEndian(newerRecord.AsSpan(last + 4), WalFormat.RecordChecksum(newerRecord.AsSpan(last), Records.Payload(3)));
        File.WriteAllBytes(segment, newerRecord);
        Assert.Throws<WalCorruptException>(() => WriteAheadLog.Open(temp.Path, new WalOptions()));
        Assert.Equal(original.Length, new FileInfo(segment).Length);
    }

    /// <summary>Removing segments keeps every record at or after the given LSN, and the log still reopens.</summary>
    [Fact]
    public async Task RemoveSegmentsBefore_KeepsRecordsFromLsnOn()
    {
        using var temp = new TempDirectory();
        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, s_small))
        {
            for (long i = 1; i <= 300; i++)
            {
                Records.Append(log, i);
            }

            await log.WaitForDurableAsync(300, TestContext.Current.CancellationToken);
            int before = temp.SegmentPaths().Length;
            log.RemoveSegmentsBefore(150);
            Assert.InRange(temp.SegmentPaths().Length, 2, before - 2);
            Records.AssertRange(log.Read(150), 150, 300);
            long first = log.Read().First().Lsn;
            Assert.InRange(first, 2, 150);

            log.RemoveSegmentsBefore(long.MaxValue);
            Assert.Single(temp.SegmentPaths());
            Records.Append(log, 301);
            await log.WaitForDurableAsync(301, TestContext.Current.CancellationToken);
        }

        await using (WriteAheadLog log = WriteAheadLog.Open(temp.Path, s_small))
        {
            Assert.Equal(301, log.LastLsn);
            long first = log.Read().First().Lsn;
            Records.AssertRange(log.Read(), first, 301);
        }
    }

    [Fact]
    public async Task Append_TooLargeOrAfterDispose_Throws()
    {
        using var temp = new TempDirectory();
        WriteAheadLog log = WriteAheadLog.Open(temp.Path, s_small);
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Append(1, new byte[1024]));
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = log.WaitForDurableAsync(1, TestContext.Current.CancellationToken); });
        await log.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => log.Append(1, [1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => WriteAheadLog.Open(temp.Path, new WalOptions(SegmentBytes: 100)));
    }

    private static async Task WriteRecords(TempDirectory temp, WalOptions options, long count)
    {
        await using WriteAheadLog log = WriteAheadLog.Open(temp.Path, options);
        for (long i = 1; i <= count; i++)
        {
            Records.Append(log, i);
        }

        await log.WaitForDurableAsync(count, TestContext.Current.CancellationToken);
    }
}
