using System.Buffers.Binary;
using Eddy.Serialization;

namespace Eddy.Storage;

/// <summary>
/// The write-ahead log's byte layout (docs/FORMAT.md, "Write-ahead log"). All integers little-endian.
/// <para>
/// Important: bump <see cref="Version"/> whenever any of the following change: the segment header or record
/// header layout, what the checksums cover, the meaning of a reserved field, or the segment naming in
/// <see cref="StorageLayout"/>. Readers refuse a version above <see cref="MaxSupportedVersion"/> (fail safe: an
/// older build never truncates or misreads a newer log). Record kinds belong to the caller and are not versioned here.
/// </para>
/// <para>Version history: 1 — the first layout.</para>
/// <code>
/// Segment header (32 bytes)                 Record header (20 bytes), then the payload
///   0  magic "EDDYWAL1"       8               0  payload length   u32
///   8  format version         u16             4  CRC-32C          u32  over bytes 8..20 and the payload
///  10  reserved (zero)        6              8  LSN              u64
///  16  first LSN              u64            16  kind             u8
///  24  CRC-32C of bytes 0..24 u32            17  format version   u8
///  28  reserved (zero)        u32            18  reserved (zero)  u16
/// </code>
/// </summary>
internal static class WalFormat
{
    public const ushort Version = 1;
    public const ushort MaxSupportedVersion = 1;
    public const int SegmentHeaderSize = 32;
    public const int RecordHeaderSize = 20;

    public static ReadOnlySpan<byte> Magic => "EDDYWAL1"u8;

    public static void WriteSegmentHeader(Span<byte> destination, long firstLsn)
    {
        destination[..SegmentHeaderSize].Clear();
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], firstLsn);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], Crc32C.Compute(destination[..24]));
    }

    /// <summary>Parses a segment header; returns an error text instead of throwing so the caller can name the file.</summary>
    public static string? TryReadSegmentHeader(ReadOnlySpan<byte> header, out long firstLsn)
    {
        firstLsn = 0;
        if (header.Length < SegmentHeaderSize)
        {
            return "the segment header is incomplete";
        }

        if (!header[..8].SequenceEqual(Magic))
        {
            return "the segment does not start with the magic EDDYWAL1";
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(header[24..]) != Crc32C.Compute(header[..24]))
        {
            return "the segment header fails its checksum";
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (version == 0 || version > MaxSupportedVersion)
        {
            return $"the segment has format version {version}; this build reads versions 1 to {MaxSupportedVersion}";
        }

        long lsn = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        if (lsn < 1)
        {
            return $"the segment header names first LSN {lsn}";
        }

        firstLsn = lsn;
        return null;
    }

    public static void WriteRecord(Span<byte> destination, long lsn, byte kind, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], lsn);
        destination[16] = kind;
        destination[17] = (byte)Version;
        destination[18] = 0;
        destination[19] = 0;
        payload.CopyTo(destination[RecordHeaderSize..]);
        uint crc = RecordChecksum(destination[..RecordHeaderSize], payload);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], crc);
    }

    public static uint RecordChecksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        ~Crc32C.Append(Crc32C.Append(~0u, header[8..RecordHeaderSize]), payload);

    public static uint PayloadLength(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt32LittleEndian(header);

    public static uint StoredChecksum(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);

    public static long Lsn(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
}
