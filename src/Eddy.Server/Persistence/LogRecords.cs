using System.Buffers;
using Eddy.Base;
using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Server.Json;

namespace Eddy.Server.Persistence;

/// <summary>
/// Payloads of the server's log records (the record header, CRC and LSN are the log's). Each payload starts with a
/// version byte; readers refuse versions they do not know. Layout in docs/FORMAT.md.
/// </summary>
/// <remarks>
/// A learn is logged after the writer applied it and before anyone is told: the record carries the model, the sequence
/// the writer gave it, the features exactly as sent (names and values, not indices: replay interns them in the same
/// order), the label, the idempotency key, and for a delayed label the prediction that was served (the metric scores
/// that one). Replaying the records in order rebuilds the model bit for bit.
/// </remarks>
internal static class LogRecords
{
    private const byte Version = 1;

    public static byte[] ModelCreated(ModelDefinition definition)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new StateWriter(buffer);
        writer.WriteByte(Version);
        writer.WriteString(definition.Name);
        writer.WriteString(definition.Spec);
        writer.WriteInt32(definition.Publication.EveryLearns);
        writer.WriteInt32(definition.Publication.EveryMilliseconds);
        writer.WriteInt32(definition.RollingWindow);
        writer.WriteNullableString(definition.Watch?.ToJson());
        writer.WriteNullableString(definition.Output?.ToJson());
        writer.WriteInt64(definition.CreatedAtMs);
        return buffer.WrittenSpan.ToArray();
    }

    public static CreatedModel ReadModelCreated(ReadOnlyMemory<byte> payload)
    {
        var reader = new StateReader(payload);
        RequireVersion(reader);
        var created = new CreatedModel(reader.ReadString(), reader.ReadString(), new PublicationPolicy(reader.ReadInt32(), reader.ReadInt32()), reader.ReadInt32());

        // Records written before monitors (then output mappings) existed end earlier.
        if (reader.AtEnd)
        {
            return created;
        }

        created = created with { Watch = reader.ReadNullableString() };
        if (reader.AtEnd)
        {
            return created;
        }

        created = created with { Output = reader.ReadNullableString() };
        return reader.AtEnd ? created : created with { CreatedAtMs = reader.ReadInt64() };
    }

    public static byte[] ModelReconfigured(string name, PublicationPolicy publication)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        var writer = new StateWriter(buffer);
        writer.WriteByte(Version);
        writer.WriteString(name);
        writer.WriteInt32(publication.EveryLearns);
        writer.WriteInt32(publication.EveryMilliseconds);
        return buffer.WrittenSpan.ToArray();
    }

    public static (string Name, PublicationPolicy Publication) ReadModelReconfigured(ReadOnlyMemory<byte> payload)
    {
        var reader = new StateReader(payload);
        RequireVersion(reader);
        return (reader.ReadString(), new PublicationPolicy(reader.ReadInt32(), reader.ReadInt32()));
    }

    public static byte[] ChallengerPromoted(string name, string challenger)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        var writer = new StateWriter(buffer);
        writer.WriteByte(Version);
        writer.WriteString(name);
        writer.WriteString(challenger);
        return buffer.WrittenSpan.ToArray();
    }

    public static (string Name, string Challenger) ReadChallengerPromoted(ReadOnlyMemory<byte> payload)
    {
        var reader = new StateReader(payload);
        RequireVersion(reader);
        return (reader.ReadString(), reader.ReadString());
    }

    public static byte[] ModelDeleted(string name)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        var writer = new StateWriter(buffer);
        writer.WriteByte(Version);
        writer.WriteString(name);
        return buffer.WrittenSpan.ToArray();
    }

    public static string ReadModelDeleted(ReadOnlyMemory<byte> payload)
    {
        var reader = new StateReader(payload);
        RequireVersion(reader);
        return reader.ReadString();
    }

    /// <summary>Writes a learned example into <paramref name="buffer"/> (reused by the writer: no allocation per learn).</summary>
    public static void WriteLearned(ArrayBufferWriter<byte> buffer, string model, long sequence, LearnWork work)
    {
        buffer.ResetWrittenCount();
        var writer = new StateWriter(buffer);
        writer.WriteByte(Version);
        writer.WriteString(model);
        writer.WriteInt64(sequence);
        WriteExample(writer, work);
    }

    /// <summary>
    /// A learn's example, the part of a learned record after the model and sequence: label, idempotency key, pending id,
    /// then the features (and the served prediction, for a pending id). Scale-out stream entries carry exactly this.
    /// </summary>
    public static void WriteExample(StateWriter writer, LearnWork work)
    {
        writer.WriteLabel(work.Y);
        writer.WriteNullableString(work.IdempotencyKey);
        PendingPrediction? served = work.Pending;
        writer.WriteNullableString(served?.Id ?? work.PendingId);
        if (served is not null)
        {
            WritePending(writer, served);
            return;
        }

        if (work.PendingId is not null)
        {
            // Scale-out: the stored prediction follows, appended by the stream's owner from the shared pending store.
            return;
        }

        RawExample features = work.Features!;
        writer.WriteInt32(features.Count);
        for (int i = 0; i < features.Count; i++)
        {
            features.WriteFeature(writer, i);
        }

        // A supervised anomaly model's feedback trails the record, only when given: other records keep their bytes.
        if (!work.Feedback.IsNone)
        {
            writer.WriteLabel(work.Feedback);
        }
    }

    /// <summary>A prediction served with an id: its features, then what was served (class, value, replica, probabilities).</summary>
    public static void WritePending(StateWriter writer, PendingPrediction served)
    {
        RawExample features = served.Features;
        writer.WriteInt32(features.Count);
        for (int i = 0; i < features.Count; i++)
        {
            features.WriteFeature(writer, i);
        }

        writer.WriteLabel(served.Label);
        writer.WriteDouble(served.Value);
        writer.WriteInt64(served.ReplicaSequence);
        ClassProbabilities? probabilities = served.Probabilities;
        writer.WriteInt32(probabilities?.Count ?? -1);
        for (int i = 0; i < (probabilities?.Count ?? 0); i++)
        {
            writer.WriteLabel(probabilities!.Classes[i]);
            writer.WriteDouble(probabilities.Probabilities[i]);
        }
    }

    /// <summary>
    /// Reads a learned example back into a work the writer can replay. The features go into
    /// <paramref name="features"/>, which recovery reuses for every record (a million records, one buffer).
    /// </summary>
    public static LearnedRecord ReadLearned(ReadOnlyMemory<byte> payload, RawExample features)
    {
        var reader = new StateReader(payload);
        RequireVersion(reader);
        string model = ModelName(reader.ReadStringUtf8());
        long sequence = reader.ReadInt64();
        return new LearnedRecord(model, sequence, ReadExample(reader, features));
    }

    /// <summary>Reads what <see cref="WriteExample"/> wrote (with the stored prediction after a pending id) into a work to apply.</summary>
    public static LearnWork ReadExample(StateReader reader, RawExample features)
    {
        Label y = reader.ReadLabel();
        string? key = reader.ReadNullableString();
        string? pendingId = reader.ReadNullableString();
        features.Clear();
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++)
        {
            features.ReadFeature(reader);
        }

        if (pendingId is null)
        {
            return new LearnWork(features, y, null, key) { Feedback = reader.AtEnd ? Label.None : reader.ReadLabel() };
        }

        Label label = reader.ReadLabel();
        double value = reader.ReadDouble();
        long replicaSequence = reader.ReadInt64();
        int classes = reader.ReadInt32();
        ClassProbabilities? probabilities = null;
        if (classes >= 0)
        {
            probabilities = new ClassProbabilities();
            for (int i = 0; i < classes; i++)
            {
                probabilities.Add(reader.ReadLabel(), reader.ReadDouble());
            }
        }

        return new LearnWork(null, y, pendingId, key)
        {
            Pending = new PendingPrediction(pendingId, features, probabilities, label, value, replicaSequence, DateTimeOffset.MaxValue),
        };
    }

    /// <summary>The version byte every payload starts with (scale-out stream entries too).</summary>
    public static byte PayloadVersion => Version;

    /// <summary>Checks a payload's version byte.</summary>
    public static void ReadVersion(StateReader reader) => RequireVersion(reader);

    [ThreadStatic]
    private static string? s_lastModel;

    [ThreadStatic]
    private static byte[]? s_lastModelUtf8;

    /// <summary>The model name of a record; consecutive records of one model share one string instead of one each.</summary>
    private static string ModelName(ReadOnlySpan<byte> utf8)
    {
        if (s_lastModel is not null && utf8.SequenceEqual(s_lastModelUtf8))
        {
            return s_lastModel;
        }

        s_lastModelUtf8 = utf8.ToArray();
        return s_lastModel = System.Text.Encoding.UTF8.GetString(utf8);
    }

    private static void RequireVersion(StateReader reader)
    {
        byte version = reader.ReadByte();
        StateReader.Require(version is >= 1 and <= Version, $"Log record version {version} is newer than this build reads ({Version}).");
    }

    internal sealed record CreatedModel(string Name, string Spec, PublicationPolicy Publication, int RollingWindow, string? Watch = null, string? Output = null)
    {
        /// <summary>Unix milliseconds of the creation (0 in records written before versions existed).</summary>
        public long CreatedAtMs { get; init; }
    }

    internal sealed record LearnedRecord(string Model, long Sequence, LearnWork Work);
}
