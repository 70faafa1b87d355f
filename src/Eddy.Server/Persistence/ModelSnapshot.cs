using System.Buffers;
using System.Buffers.Binary;
using Eddy.Serialization;

namespace Eddy.Server.Persistence;

/// <summary>
/// A model's snapshot file: its definition (name, spec, publication, rolling window), the sequence and log position it
/// covers, the estimator with its schema (an <see cref="EstimatorSnapshot"/>), and each metric's state.
/// </summary>
/// <remarks>
/// Layout (little-endian): magic <c>EDDYMODL</c>, format version (u16), flags (u16), payload length (u32), CRC-32C of the
/// payload (u32), payload. Bump <see cref="FormatVersion"/> when the layout changes; readers refuse newer versions so a
/// rollback never misreads a snapshot (the loader then falls back to an older snapshot plus the log).
/// </remarks>
internal sealed record ModelSnapshot(
    string Name,
    string Spec,
    int PublishEvery,
    int PublishEveryMs,
    int RollingWindow,
    long Sequence,
    long CoveredLsn,
    ReadOnlyMemory<byte> Estimator,
    IReadOnlyList<ReadOnlyMemory<byte>> Metrics,
    string? Watch = null,
    ReadOnlyMemory<byte> WatchState = default,
    string? Output = null)
{
    /// <summary>
    /// 2 added the monitors and policy (<see cref="Watch"/>) and their state, 3 the output mapping (<see cref="Output"/>),
    /// 4 the champion's <see cref="HoldoutScore"/>, 5 the version history (<see cref="Revisions"/>); older files are still read.
    /// </summary>
    public const ushort FormatVersion = 5;
    private const int HeaderSize = 20;

    private static ReadOnlySpan<byte> Magic => "EDDYMODL"u8;

    /// <summary>The model's score on its holdout set when the snapshot was taken (NaN without a holdout).</summary>
    public double HoldoutScore { get; init; } = double.NaN;

    /// <summary>The model's version history (<see cref="Hosting.ModelRevisions"/>; empty: version 1, as files before format 5).</summary>
    public ReadOnlyMemory<byte> Revisions { get; init; }

    public byte[] Serialize()
    {
        var payload = new ArrayBufferWriter<byte>(1024);
        var writer = new StateWriter(payload);
        writer.WriteString(Name);
        writer.WriteString(Spec);
        writer.WriteInt32(PublishEvery);
        writer.WriteInt32(PublishEveryMs);
        writer.WriteInt32(RollingWindow);
        writer.WriteInt64(Sequence);
        writer.WriteInt64(CoveredLsn);
        writer.WriteBytes(Estimator.Span);
        writer.WriteInt32(Metrics.Count);
        foreach (ReadOnlyMemory<byte> metric in Metrics)
        {
            writer.WriteBytes(metric.Span);
        }

        writer.WriteNullableString(Watch);
        writer.WriteBytes(WatchState.Span);
        writer.WriteNullableString(Output);
        writer.WriteDouble(HoldoutScore);
        writer.WriteBytes(Revisions.Span);

        ReadOnlySpan<byte> body = payload.WrittenSpan;
        var file = new byte[HeaderSize + body.Length];
        Magic.CopyTo(file);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(12), (uint)body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), Crc32C.Compute(body));
        body.CopyTo(file.AsSpan(HeaderSize));
        return file;
    }

    /// <summary>Parses and verifies a snapshot file; <see cref="SnapshotFormatException"/> says what is wrong.</summary>
    public static ModelSnapshot Deserialize(ReadOnlyMemory<byte> file)
    {
        ReadOnlySpan<byte> span = file.Span;
        if (span.Length < HeaderSize || !span[..8].SequenceEqual(Magic))
        {
            throw new SnapshotFormatException("Not an Eddy model snapshot (bad magic).");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(span[8..]);
        if (version == 0 || version > FormatVersion)
        {
            throw new SnapshotFormatException($"The model snapshot has format version {version}; this build reads up to {FormatVersion}.");
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(span[12..]);
        if (length != span.Length - HeaderSize)
        {
            throw new SnapshotFormatException("The model snapshot is truncated.");
        }

        ReadOnlyMemory<byte> body = file[HeaderSize..];
        if (Crc32C.Compute(body.Span) != BinaryPrimitives.ReadUInt32LittleEndian(span[16..]))
        {
            throw new SnapshotFormatException("The model snapshot is corrupt: its checksum does not match.");
        }

        var reader = new StateReader(body);
        string name = reader.ReadString();
        string spec = reader.ReadString();
        int every = reader.ReadInt32();
        int everyMs = reader.ReadInt32();
        int window = reader.ReadInt32();
        long sequence = reader.ReadInt64();
        long lsn = reader.ReadInt64();
        ReadOnlyMemory<byte> estimator = reader.ReadBytes();
        int count = reader.ReadCount();
        var metrics = new ReadOnlyMemory<byte>[count];
        for (int i = 0; i < count; i++)
        {
            metrics[i] = reader.ReadBytes();
        }

        string? watch = null;
        ReadOnlyMemory<byte> watchState = default;
        if (version >= 2)
        {
            watch = reader.ReadNullableString();
            watchState = reader.ReadBytes();
        }

        string? output = version >= 3 ? reader.ReadNullableString() : null;
        double holdout = version >= 4 ? reader.ReadDouble() : double.NaN;
        ReadOnlyMemory<byte> revisions = version >= 5 ? reader.ReadBytes() : default;
        StateReader.Require(reader.AtEnd && sequence >= 0 && lsn >= 0, "The model snapshot has trailing or invalid fields.");
        return new ModelSnapshot(name, spec, every, everyMs, window, sequence, lsn, estimator, metrics, watch, watchState, output) { HoldoutScore = holdout, Revisions = revisions };
    }
}
