namespace Eddy.Storage.Tests.Support;

/// <summary>Deterministic record contents, so a test can check every byte read back against what was appended.</summary>
public static class Records
{
    public static byte[] Payload(long i)
    {
        var payload = new byte[(int)(i * 7 % 61)];
        for (int k = 0; k < payload.Length; k++)
        {
            payload[k] = (byte)(i * 31 + k);
        }

        return payload;
    }

    public static byte Kind(long i) => (byte)(i % 251);

    /// <summary>Appends record i and returns its LSN.</summary>
    public static long Append(WriteAheadLog log, long i) => log.Append(Kind(i), Payload(i));

    /// <summary>Asserts that <paramref name="records"/> are exactly records first..last, LSN i holding record i.</summary>
    public static void AssertRange(IEnumerable<WalRecord> records, long first, long last)
    {
        long expected = first;
        foreach (WalRecord record in records)
        {
            Assert.Equal(expected, record.Lsn);
            Assert.Equal(Kind(expected), record.Kind);
            Assert.Equal(Payload(expected), record.Payload.ToArray());
            expected++;
        }

        Assert.Equal(last + 1, expected);
    }
}
