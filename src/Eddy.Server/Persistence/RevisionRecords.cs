using System.Buffers;
using Eddy.Serialization;
using Eddy.Server.Hosting;

namespace Eddy.Server.Persistence;

/// <summary>
/// The payload of a <see cref="LogRecordKind.ModelRevised"/> record: the model, the version it makes, when, what changed,
/// the version it restores (0: none) and the new definition as a creation record has it (spec, rolling window, monitors,
/// output). What restarts is recomputed at replay from the definitions, as the writer did. Layout in docs/FORMAT.md.
/// </summary>
internal static class RevisionRecords
{
    private const byte Version = 1;

    public static byte[] Write(string name, ModelChange change, int number)
    {
        ModelDefinition definition = change.Definition;
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new StateWriter(buffer);
        writer.WriteByte(Version);
        writer.WriteString(name);
        writer.WriteInt32(number);
        writer.WriteInt64(definition.CreatedAtMs);
        writer.WriteString(change.Kind);
        writer.WriteInt32(change.RestoredFrom);
        writer.WriteString(definition.Spec);
        writer.WriteInt32(definition.RollingWindow);
        writer.WriteNullableString(definition.Watch?.ToJson());
        writer.WriteNullableString(definition.Output?.ToJson());
        return buffer.WrittenSpan.ToArray();
    }

    public static Revised Read(ReadOnlyMemory<byte> payload)
    {
        var reader = new StateReader(payload);
        byte version = reader.ReadByte();
        StateReader.Require(version is >= 1 and <= Version, $"Model-revised record version {version} is newer than this build reads ({Version}).");
        string name = reader.ReadString();
        int number = reader.ReadInt32();
        long at = reader.ReadInt64();
        string kind = reader.ReadString();
        int restoredFrom = reader.ReadInt32();
        string spec = reader.ReadString();
        int window = reader.ReadInt32();
        var created = new LogRecords.CreatedModel(name, spec, PublicationPolicy.AfterEveryLearn, window, reader.ReadNullableString(), reader.ReadNullableString()) { CreatedAtMs = at };
        StateReader.Require(reader.AtEnd, "A model-revised record has trailing bytes.");
        return new Revised(name, number, kind, restoredFrom, created);
    }

    /// <summary>A logged change; <see cref="Definition"/>'s publication is a placeholder (the model's own is kept).</summary>
    internal sealed record Revised(string Name, int Number, string Kind, int RestoredFrom, LogRecords.CreatedModel Definition);
}
