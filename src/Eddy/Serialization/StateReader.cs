using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using Eddy.Base;

namespace Eddy.Serialization;

/// <summary>
/// Reads what <see cref="StateWriter"/> wrote. Every read is bounds-checked and throws
/// <see cref="SnapshotFormatException"/> on truncated or inconsistent input; estimators read everything into
/// locals first and assign their fields last, so a failed read leaves the estimator unchanged.
/// </summary>
public sealed class StateReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private int _position;

    public StateReader(ReadOnlyMemory<byte> data)
    {
        _data = data;
    }

    public int Position => _position;

    public bool AtEnd => _position == _data.Length;

    /// <summary>Checks the section tag; returns the version found (≤ <paramref name="maxVersion"/>).</summary>
    public byte ReadHeader(string expectedName, byte maxVersion)
    {
        string name = ReadString();
        if (!string.Equals(name, expectedName, StringComparison.Ordinal))
        {
            throw new SnapshotFormatException($"Expected the state of {expectedName}, found {name}.");
        }

        byte version = ReadByte();
        if (version == 0 || version > maxVersion)
        {
            throw new SnapshotFormatException(
                $"The state of {expectedName} has version {version}; this build reads versions 1 to {maxVersion}.");
        }

        return version;
    }

    public byte ReadByte() => Take(1)[0];

    public bool ReadBoolean()
    {
        byte value = ReadByte();
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw new SnapshotFormatException($"Invalid boolean byte {value} at offset {_position - 1}."),
        };
    }

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(Take(8)));

    /// <summary>A non-negative element count that the remaining bytes could possibly hold.</summary>
    public int ReadCount()
    {
        int count = ReadInt32();
        if (count < 0 || count > _data.Length - _position)
        {
            throw new SnapshotFormatException($"Invalid element count {count} at offset {_position - 4}.");
        }

        return count;
    }

    public string ReadString()
    {
        int length = ReadCount();
        try
        {
            return new UTF8Encoding(false, true).GetString(Take(length));
        }
        catch (DecoderFallbackException e)
        {
            throw new SnapshotFormatException("A string in the state is not valid UTF-8.", e);
        }
    }

    /// <summary>A string's UTF-8 bytes, without decoding or allocating (valid until the underlying memory changes).</summary>
    public ReadOnlySpan<byte> ReadStringUtf8() => Take(ReadCount());

    /// <summary>Length-prefixed raw bytes written by <see cref="StateWriter.WriteBytes"/>, as a slice of the input.</summary>
    public ReadOnlyMemory<byte> ReadBytes()
    {
        int count = ReadCount();
        ReadOnlyMemory<byte> slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    public string? ReadNullableString() => ReadBoolean() ? ReadString() : null;

    public double[] ReadDoubles()
    {
        int count = ReadCount();
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = ReadDouble();
        }

        return values;
    }

    public int[] ReadInt32s()
    {
        int count = ReadCount();
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = ReadInt32();
        }

        return values;
    }

    public bool[] ReadBooleans()
    {
        int count = ReadCount();
        var values = new bool[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = ReadBoolean();
        }

        return values;
    }

    public Label ReadLabel()
    {
        byte kind = ReadByte();
        return (LabelKind)kind switch
        {
            LabelKind.None => Label.None,
            LabelKind.Text => Label.FromText(ReadString()),
            LabelKind.Boolean or LabelKind.Integer or LabelKind.Number => Label.FromRaw((LabelKind)kind, ReadDouble(), null),
            _ => throw new SnapshotFormatException($"Unknown label kind {kind}."),
        };
    }

    /// <summary>Throws unless a condition on the state read holds (estimators check their invariants with it).</summary>
    public static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new SnapshotFormatException(message);
        }
    }

    /// <summary>
    /// As <see cref="Require(bool, string)"/>, for an interpolated message: it is only formatted when the condition
    /// fails, so checks inside decoding loops (millions of log records at recovery) allocate nothing.
    /// </summary>
    public static void Require(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref RequireMessageHandler message)
    {
        if (!condition)
        {
            throw new SnapshotFormatException(message.ToStringAndClear());
        }
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || _data.Length - _position < length)
        {
            throw new SnapshotFormatException($"The state ends early: needed {length} bytes at offset {_position}.");
        }

        ReadOnlySpan<byte> span = _data.Span.Slice(_position, length);
        _position += length;
        return span;
    }
}
