namespace Eddy.Storage;

internal enum WalReadStatus
{
    Record,
    End,
    Torn,
}

/// <summary>
/// Reads one segment record by record, validating each whole (length, checksum, version, LSN) before exposing it.
/// A record whose bytes are incomplete or fail the checksum is <see cref="WalReadStatus.Torn"/>: the caller decides
/// whether that is a crash tail (last segment) or corruption. A record that passes its checksum but is not what
/// this build expects (newer version, wrong LSN) is always corruption.
/// </summary>
internal sealed class WalSegmentReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _header = new byte[WalFormat.RecordHeaderSize];
    private byte[] _payload = new byte[256];

    private WalSegmentReader(Stream stream, string path, long firstLsn)
    {
        _stream = stream;
        SegmentPath = path;
        FirstLsn = firstLsn;
        NextLsn = firstLsn;
        Length = stream.Length;
        Position = WalFormat.SegmentHeaderSize;
    }

    public string SegmentPath { get; }

    public long FirstLsn { get; }

    /// <summary>The LSN the next record must have; one past the last valid record.</summary>
    public long NextLsn { get; private set; }

    /// <summary>The byte offset just past the last valid record.</summary>
    public long Position { get; private set; }

    public long Length { get; }

    public long Lsn { get; private set; }

    public byte Kind { get; private set; }

    /// <summary>The current record's payload; valid until the next <see cref="ReadNext"/>.</summary>
    public ReadOnlyMemory<byte> Payload { get; private set; }

    public string? TornReason { get; private set; }

    /// <summary>Opens a segment and validates its header against the LSN its file name carries.</summary>
    public static WalSegmentReader Open(IStorageFileSystem fileSystem, string path, long nameLsn)
    {
        Stream stream = fileSystem.OpenRead(path);
        try
        {
            Span<byte> header = stackalloc byte[WalFormat.SegmentHeaderSize];
            int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            string? error = WalFormat.TryReadSegmentHeader(header[..read], out long firstLsn);
            if (error is null && firstLsn != nameLsn)
            {
                error = $"the header names first LSN {firstLsn} but the file name says {nameLsn}";
            }

            if (error is not null)
            {
                throw new WalCorruptException($"Write-ahead log segment '{path}' is corrupt: {error}.");
            }

            return new WalSegmentReader(stream, path, firstLsn);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// True when the file is a segment whose creation a crash interrupted: shorter than a header, or all zero
    /// (the header never reached the disk). Anything else with a bad header is corruption.
    /// </summary>
    public static bool IsTornCreation(IStorageFileSystem fileSystem, string path)
    {
        using Stream stream = fileSystem.OpenRead(path);
        if (stream.Length < WalFormat.SegmentHeaderSize)
        {
            return true;
        }

        return OffsetOfNonZero(stream, 0) < 0;
    }

    public WalReadStatus ReadNext()
    {
        long remaining = Length - Position;
        if (remaining == 0)
        {
            return WalReadStatus.End;
        }

        int headerBytes = (int)Math.Min(remaining, WalFormat.RecordHeaderSize);
        _stream.ReadExactly(_header.AsSpan(0, headerBytes));
        if (!_header.AsSpan(0, headerBytes).ContainsAnyExcept((byte)0))
        {
            // Zeros where a header belongs: the end of the records, and the rest should be the zeros the writer
            // reserved ahead. A record needs a non-zero length or checksum, so none can look like this.
            long dataAt = OffsetOfNonZero(_stream, Position + headerBytes);
            return dataAt < 0
                ? WalReadStatus.End
                : Torn($"zeros at offset {Position} where a record header belongs, then data at offset {dataAt}");
        }

        if (remaining < WalFormat.RecordHeaderSize)
        {
            return Torn($"{remaining} bytes at offset {Position} are too short for a record header");
        }

        uint length = WalFormat.PayloadLength(_header);
        if (length > remaining - WalFormat.RecordHeaderSize || length > Array.MaxLength)
        {
            return Torn($"the record at offset {Position} claims {length} payload bytes, more than the file holds");
        }

        if (_payload.Length < length)
        {
            _payload = new byte[Math.Max(length, (uint)_payload.Length * 2)];
        }

        Span<byte> payload = _payload.AsSpan(0, (int)length);
        _stream.ReadExactly(payload);
        if (WalFormat.RecordChecksum(_header, payload) != WalFormat.StoredChecksum(_header))
        {
            return Torn($"the record at offset {Position} fails its checksum");
        }

        long lsn = WalFormat.Lsn(_header);
        byte version = _header[17];
        if (version == 0 || version > WalFormat.MaxSupportedVersion)
        {
            throw Corrupt($"the record at offset {Position} has format version {version}; this build reads versions 1 to {WalFormat.MaxSupportedVersion}");
        }

        if (_header[18] != 0 || _header[19] != 0)
        {
            throw Corrupt($"the record at offset {Position} has non-zero reserved bytes");
        }

        if (lsn != NextLsn)
        {
            throw Corrupt($"the record at offset {Position} has LSN {lsn} where LSN {NextLsn} belongs");
        }

        Lsn = lsn;
        Kind = _header[16];
        Payload = _payload.AsMemory(0, (int)length);
        Position += WalFormat.RecordHeaderSize + length;
        NextLsn = lsn + 1;
        return WalReadStatus.Record;
    }

    /// <summary>Whether bytes after the last record remain (reserved zeros, or a torn tail).</summary>
    public bool HasTail => Position < Length;

    public WalCorruptException Corrupt(string reason) =>
        new($"Write-ahead log segment '{SegmentPath}' is corrupt: {reason}.");

    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// The offset of the first non-zero byte from the stream's position (which is <paramref name="offset"/>) to its
    /// end, or -1 when there are only zeros.
    /// </summary>
    private static long OffsetOfNonZero(Stream stream, long offset)
    {
        var buffer = new byte[64 << 10];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            int at = buffer.AsSpan(0, read).IndexOfAnyExcept((byte)0);
            if (at >= 0)
            {
                return offset + at;
            }

            offset += read;
        }

        return -1;
    }

    private WalReadStatus Torn(string reason)
    {
        TornReason = reason;
        return WalReadStatus.Torn;
    }
}
