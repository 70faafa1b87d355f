using System.Buffers;
using System.Buffers.Binary;
using Eddy.Base;

namespace Eddy.Serialization;

/// <summary>
/// Eddy's portable model snapshot: a checksummed container around an estimator's state and its feature schema.
/// </summary>
/// <remarks>
/// <para>Layout (little-endian): magic <c>"EDDYSNAP"</c> (8 bytes), format version (u16), flags (u16, 0),
/// payload length (u32), CRC-32C of the payload (u32), then the payload: the estimator's description (its
/// <see cref="Estimator.ToString"/>, which names the hyper-parameters), a schema flag and the schema state, then the
/// estimator state. See docs/FORMAT.md.</para>
/// <para>Bump <see cref="FormatVersion"/> whenever the container layout or the encoding of any state section changes.
/// Readers reject versions above <see cref="MaxSupportedVersion"/> (fail safe: an older build never guesses).</para>
/// </remarks>
public static class EstimatorSnapshot
{
    public const ushort FormatVersion = 1;
    public const ushort MaxSupportedVersion = 1;
    public const int HeaderSize = 20;

    private static ReadOnlySpan<byte> Magic => "EDDYSNAP"u8;

    /// <summary>Serializes <paramref name="estimator"/> (and the schema its feature indices refer to).</summary>
    public static byte[] Save(Estimator estimator, FeatureSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var payload = new ArrayBufferWriter<byte>(1024);
        var writer = new StateWriter(payload);
        writer.WriteString(estimator.ToString());
        writer.WriteBoolean(schema is not null);
        schema?.WriteState(writer);
        estimator.WriteState(writer);

        ReadOnlySpan<byte> body = payload.WrittenSpan;
        var snapshot = new byte[HeaderSize + body.Length];
        Magic.CopyTo(snapshot);
        BinaryPrimitives.WriteUInt16LittleEndian(snapshot.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(snapshot.AsSpan(10), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(snapshot.AsSpan(12), (uint)body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(snapshot.AsSpan(16), Crc32C.Compute(body));
        body.CopyTo(snapshot.AsSpan(HeaderSize));
        return snapshot;
    }

    /// <summary>
    /// Loads a snapshot into <paramref name="target"/>, an estimator with the same hyper-parameters (for example
    /// <c>CloneFresh()</c> of the saved one), and the schema into <paramref name="schema"/> when given.
    /// Everything is verified before anything is replaced: on <see cref="SnapshotFormatException"/> both are unchanged.
    /// </summary>
    public static void Load(ReadOnlyMemory<byte> snapshot, Estimator target, FeatureSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ReadOnlySpan<byte> span = snapshot.Span;
        if (span.Length < HeaderSize || !span[..8].SequenceEqual(Magic))
        {
            throw new SnapshotFormatException("Not an Eddy snapshot (bad magic).");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(span[8..]);
        if (version == 0 || version > MaxSupportedVersion)
        {
            throw new SnapshotFormatException(
                $"The snapshot has format version {version}; this build reads versions 1 to {MaxSupportedVersion}. Upgrade Eddy to load it.");
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(span[12..]);
        if (length != span.Length - HeaderSize)
        {
            throw new SnapshotFormatException($"The snapshot is truncated or padded: header says {length} payload bytes, found {span.Length - HeaderSize}.");
        }

        ReadOnlyMemory<byte> payload = snapshot[HeaderSize..];
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(span[16..]);
        if (Crc32C.Compute(payload.Span) != expected)
        {
            throw new SnapshotFormatException("The snapshot is corrupt: its checksum does not match.");
        }

        var reader = new StateReader(payload);
        string description = reader.ReadString();
        if (!string.Equals(description, target.ToString(), StringComparison.Ordinal))
        {
            throw new SnapshotFormatException($"The snapshot holds {description}, not {target}.");
        }

        FeatureSchema? savedSchema = null;
        if (reader.ReadBoolean())
        {
            savedSchema = new FeatureSchema();
            savedSchema.ReadState(reader);
        }

        Estimator staged = target.CloneFresh();
        staged.ReadState(reader);
        if (!reader.AtEnd)
        {
            throw new SnapshotFormatException("The snapshot has bytes after the estimator state.");
        }

        // Verified: commit.
        target.ReadState(new StateReader(staged.SerializeState()));
        if (schema is not null && savedSchema is not null)
        {
            var schemaBytes = new ArrayBufferWriter<byte>();
            savedSchema.WriteState(new StateWriter(schemaBytes));
            schema.ReadState(new StateReader(schemaBytes.WrittenMemory));
        }
    }
}
