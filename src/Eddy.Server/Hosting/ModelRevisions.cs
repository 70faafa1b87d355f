using System.Buffers;
using Eddy.Serialization;

namespace Eddy.Server.Hosting;

/// <summary>
/// A model's version history, owned by its writer's <see cref="Learner"/>: copy-on-write, so readers take
/// <see cref="Items"/> once and see one consistent list. Snapshots carry it (with the kept states), and recovery
/// rebuilds it by replaying the change records after the snapshot.
/// </summary>
internal sealed class ModelRevisions
{
    /// <summary>Superseded versions whose model state is kept for a restore (the most recent ones).</summary>
    public const int KeptStates = 4;

    private const byte StateVersion = 1;

    private ModelRevision[] _items;

    private ModelRevisions(ModelRevision[] items) => _items = items;

    /// <summary>The history of a model as defined: version 1.</summary>
    public static ModelRevisions Initial(ModelDefinition definition) =>
        new([Describe(new ModelRevision(1, definition.CreatedAtMs, "created", 0, -1, 0, definition.Spec, definition.Output?.ToJson()), definition)]);

    public IReadOnlyList<ModelRevision> Items => Volatile.Read(ref _items);

    public ModelRevision Current => _items[^1];

    public ModelRevision? Find(int number)
    {
        foreach (ModelRevision revision in _items)
        {
            if (revision.Number == number)
            {
                return revision;
            }
        }

        return null;
    }

    /// <summary>Closes the current version with its scores and state, and makes one of <paramref name="definition"/> current.</summary>
    public void Supersede(long sequence, double[] scores, double holdout, ReadOnlyMemory<byte> state, ModelDefinition definition, long atMs, string change, int restoredFrom) =>
        Volatile.Write(ref _items, Next(sequence, scores, holdout, state, definition, atMs, change, restoredFrom, sequence));

    /// <summary>
    /// This history continued by a model loaded in place of this one (an upload): the current version closes at
    /// <paramref name="sequence"/> and the loaded model, which has learned <paramref name="loadedSequence"/> examples of
    /// its own, becomes the next version. Returns the new history, serialized; this one is left as it is.
    /// </summary>
    public byte[] ContinuedBy(long sequence, double[] scores, double holdout, ReadOnlyMemory<byte> state, ModelDefinition loaded, long atMs, long loadedSequence) =>
        new ModelRevisions(Next(sequence, scores, holdout, state, loaded, atMs, "upload", 0, loadedSequence)).Serialize();

    private ModelRevision[] Next(long sequence, double[] scores, double holdout, ReadOnlyMemory<byte> state, ModelDefinition definition, long atMs, string change, int restoredFrom, long firstSequence)
    {
        var items = new ModelRevision[_items.Length + 1];
        int kept = 0;
        for (int i = _items.Length - 1; i >= 0; i--)
        {
            ModelRevision old = _items[i];
            if (i == _items.Length - 1)
            {
                old = old with { LastSequence = sequence, Scores = scores, Holdout = holdout, State = state };
            }

            // Bounded memory (and snapshot size): only the most recent superseded states stay restorable.
            kept += old.State.IsEmpty ? 0 : 1;
            items[i] = kept > KeptStates && !old.State.IsEmpty ? old with { State = default } : old;
        }

        int number = _items[^1].Number + 1;
        items[^1] = Describe(new ModelRevision(number, atMs, change, firstSequence, -1, restoredFrom, definition.Spec, definition.Output?.ToJson()), definition);
        return items;
    }

    public byte[] Serialize()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new StateWriter(buffer);
        writer.WriteHeader(nameof(ModelRevisions), StateVersion);
        writer.WriteInt32(_items.Length);
        foreach (ModelRevision r in _items)
        {
            writer.WriteInt32(r.Number);
            writer.WriteInt64(r.CreatedAtMs);
            writer.WriteString(r.Change);
            writer.WriteInt64(r.FirstSequence);
            writer.WriteInt64(r.LastSequence);
            writer.WriteInt32(r.RestoredFrom);
            writer.WriteString(r.Spec);
            writer.WriteNullableString(r.Output);
            writer.WriteInt32(r.MetricNames.Count);
            foreach (string name in r.MetricNames)
            {
                writer.WriteString(name);
            }

            writer.WriteDoubles([.. r.Scores]);
            writer.WriteDouble(r.Holdout);
            writer.WriteBytes(r.State.Span);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a snapshot's history; a snapshot written before versions existed gives version 1 of <paramref name="definition"/>.</summary>
    public static ModelRevisions Read(ReadOnlyMemory<byte> data, ModelDefinition definition)
    {
        if (data.IsEmpty)
        {
            return Initial(definition);
        }

        var reader = new StateReader(data);
        reader.ReadHeader(nameof(ModelRevisions), StateVersion);
        int count = reader.ReadCount();
        StateReader.Require(count >= 1, "A model's version history has at least one version.");
        var items = new ModelRevision[count];
        for (int i = 0; i < count; i++)
        {
            var revision = new ModelRevision(reader.ReadInt32(), reader.ReadInt64(), reader.ReadString(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt32(), reader.ReadString(), reader.ReadNullableString());
            int names = reader.ReadCount();
            var metricNames = new string[names];
            for (int j = 0; j < names; j++)
            {
                metricNames[j] = reader.ReadString();
            }

            items[i] = revision with { MetricNames = metricNames, Scores = reader.ReadDoubles(), Holdout = reader.ReadDouble(), State = reader.ReadBytes().ToArray() };
            StateReader.Require(items[i].Number == (i == 0 ? items[0].Number : items[i - 1].Number + 1) && items[i].IsCurrent == (i == count - 1), "The version history is out of order.");
        }

        StateReader.Require(reader.AtEnd, "The version history has trailing bytes.");
        return new ModelRevisions(items);
    }

    private static ModelRevision Describe(ModelRevision revision, ModelDefinition definition)
    {
        var names = new string[definition.MetricPrototypes.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = definition.MetricPrototypes[i].Name;
        }

        return revision with { MetricNames = names };
    }
}
