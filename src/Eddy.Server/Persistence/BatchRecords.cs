using System.Buffers.Binary;
using Eddy.Base;
using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Server.Json;

namespace Eddy.Server.Persistence;

/// <summary>
/// The payload of a <see cref="LogRecordKind.LearnedBatch"/> record: many examples of one model, logged before they are
/// learned. Layout (docs/FORMAT.md): version, model, example count, then per example the label, the feature count and
/// each feature as a name reference, a kind byte and the value. A name is written once per record: its first use has
/// reference -1 followed by the name, which takes the next index; later uses give the index. No sequence numbers:
/// replay learns the examples in order and skips the ones the model refuses, exactly as the writer did.
/// </summary>
internal static class BatchRecords
{
    private const byte Version = 1;

    /// <summary>The model a batch record belongs to.</summary>
    public static string ModelOf(ReadOnlyMemory<byte> payload) => new Reader(payload, []).Model;

    /// <summary>Encodes examples into <see cref="LoggedBatch"/>es; one per request, reused for each batch.</summary>
    internal sealed class Encoder
    {
        private readonly string _model;
        private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly byte[][] _positionNames = CreatePositionNames();
        private readonly int[] _positionIndex = new int[LearnLineReader.MaxFeatures];
        private LoggedBatch? _batch;
        private StateWriter? _writer;
        private int _countOffset;

        public Encoder(string model)
        {
            _model = model;
            _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>Examples in the batch being built.</summary>
        public int Count => _batch?.Count ?? 0;

        /// <summary>Bytes of the batch being built.</summary>
        public int Length => _batch?.Length ?? 0;

        public void Add(RawExample features, Label y, long line)
        {
            if (_batch is null)
            {
                Begin(line);
            }

            LoggedBatch batch = _batch!;
            StateWriter writer = _writer!;
            writer.WriteLabel(y);
            writer.WriteInt32(features.Count);
            for (int i = 0; i < features.Count; i++)
            {
                ReadOnlySpan<char> name = features.NameAt(i);
                if (_lookup.TryGetValue(name, out int index))
                {
                    writer.WriteInt32(index);
                }
                else
                {
                    _lookup[name] = _names.Count;
                    writer.WriteInt32(-1);
                    writer.WriteString(name);
                }

                if (features.IsNumberAt(i))
                {
                    writer.WriteByte(0);
                    writer.WriteDouble(features.ValueAt(i));
                }
                else
                {
                    writer.WriteByte(1);
                    writer.WriteString(features.CategoryAt(i));
                }
            }

            batch.Count++;
            batch.LastLine = line;
        }

        /// <summary>
        /// Adds an example read by <see cref="LearnLineReader"/>: names as UTF-8 ranges of <paramref name="line"/>, numeric
        /// values. Encodes exactly what <see cref="Add"/> would for the same example, without decoding the names: a
        /// name is matched against the one at the same position in the previous example first (streams repeat their
        /// layout), then looked up.
        /// </summary>
        public void AddUtf8(ReadOnlySpan<byte> line, ReadOnlySpan<Range> names, ReadOnlySpan<double> values, Label y, long lineNumber)
        {
            if (_batch is null)
            {
                Begin(lineNumber);
            }

            LoggedBatch batch = _batch!;
            StateWriter writer = _writer!;
            int count = names.Length;
            Span<int> indices = stackalloc int[count];
            bool allKnown = true;
            for (int i = 0; i < count; i++)
            {
                indices[i] = Resolve(line[names[i]], i);
                allKnown &= indices[i] >= 0;
            }

            writer.WriteLabel(y);
            if (allKnown)
            {
                Span<byte> span = batch.GetSpan(4 + (count * 13));
                BinaryPrimitives.WriteInt32LittleEndian(span, count);
                int at = 4;
                for (int i = 0; i < count; i++)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(span[at..], indices[i]);
                    span[at + 4] = 0;
                    BinaryPrimitives.WriteInt64LittleEndian(span[(at + 5)..], BitConverter.DoubleToInt64Bits(values[i]));
                    at += 13;
                }

                batch.Advance(at);
            }
            else
            {
                writer.WriteInt32(count);
                for (int i = 0; i < count; i++)
                {
                    if (indices[i] >= 0)
                    {
                        writer.WriteInt32(indices[i]);
                    }
                    else
                    {
                        // First use in this record: define it (its index is ~indices[i]).
                        writer.WriteInt32(-1);
                        writer.WriteBytes(line[names[i]]);
                    }

                    writer.WriteByte(0);
                    writer.WriteDouble(values[i]);
                }
            }

            batch.Count++;
            batch.LastLine = lineNumber;
        }

        /// <summary>The name's index in this record; the bitwise complement of a new index when this is its first use.</summary>
        private int Resolve(ReadOnlySpan<byte> utf8, int position)
        {
            if (position < _positionIndex.Length && _positionIndex[position] >= 0 && utf8.SequenceEqual(_positionNames[position]))
            {
                return _positionIndex[position];
            }

            Span<char> chars = stackalloc char[utf8.Length];
            int length = System.Text.Encoding.UTF8.GetChars(utf8, chars);
            int index;
            bool known = _lookup.TryGetValue(chars[..length], out index);
            if (!known)
            {
                index = _names.Count;
                _lookup[chars[..length]] = index;
            }

            if (position < _positionIndex.Length)
            {
                if (!utf8.SequenceEqual(_positionNames[position]))
                {
                    _positionNames[position] = utf8.ToArray();
                }

                _positionIndex[position] = index;
            }

            return known ? index : ~index;
        }

        /// <summary>The finished batch (null when empty); the next <see cref="Add"/> starts a new one.</summary>
        public LoggedBatch? Take()
        {
            LoggedBatch? batch = _batch;
            if (batch is not null)
            {
                BinaryPrimitives.WriteInt32LittleEndian(batch.Written[_countOffset..], batch.Count);
            }

            _batch = null;
            _writer = null;
            return batch;
        }

        private static byte[][] CreatePositionNames()
        {
            var names = new byte[LearnLineReader.MaxFeatures][];
            Array.Fill(names, []);
            return names;
        }

        private void Begin(long line)
        {
            var batch = new LoggedBatch { FirstLine = line };
            var writer = new StateWriter(batch);
            writer.WriteByte(Version);
            writer.WriteString(_model);
            _countOffset = batch.Length;
            writer.WriteInt32(0);
            _names.Clear();
            _positionIndex.AsSpan().Fill(-1);
            _batch = batch;
            _writer = writer;
        }
    }

    /// <summary>Reads a batch record's examples in order, into one reused feature buffer.</summary>
    internal struct Reader
    {
        private readonly StateReader _reader;
        private readonly List<string> _names;
        private int _remaining;

        public Reader(ReadOnlyMemory<byte> payload, List<string> names)
        {
            _reader = new StateReader(payload);
            byte version = _reader.ReadByte();
            StateReader.Require(version is >= 1 and <= Version, $"Batch record version {version} is newer than this build reads ({Version}).");
            Model = _reader.ReadString();
            _remaining = _reader.ReadCount();
            _names = names;
            _names.Clear();
        }

        public string Model { get; }

        /// <summary>Reads the next example into <paramref name="features"/>; false after the last one.</summary>
        public bool Next(RawExample features, out Label y)
        {
            if (_remaining == 0)
            {
                StateReader.Require(_reader.AtEnd, "A batch record has bytes after its last example.");
                y = Label.None;
                return false;
            }

            _remaining--;
            y = _reader.ReadLabel();
            features.Clear();
            int count = _reader.ReadCount();
            for (int i = 0; i < count; i++)
            {
                int reference = _reader.ReadInt32();
                string name;
                if (reference == -1)
                {
                    name = _reader.ReadString();
                    _names.Add(name);
                }
                else
                {
                    StateReader.Require((uint)reference < (uint)_names.Count, $"A batch record refers to name {reference} before defining it.");
                    name = _names[reference];
                }

                byte kind = _reader.ReadByte();
                if (kind == 1)
                {
                    features.SetCategory(name, _reader.ReadString());
                    continue;
                }

                StateReader.Require(kind == 0, $"Unknown feature kind {kind}.");
                double value = _reader.ReadDouble();
                StateReader.Require(double.IsFinite(value), "A logged feature value is not finite.");
                features.SetNumber(name, value);
            }

            return true;
        }
    }
}
