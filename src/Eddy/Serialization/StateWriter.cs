using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Eddy.Base;

namespace Eddy.Serialization;

/// <summary>
/// Little-endian writer of estimator state. Each estimator writes a header (its name and state version) then
/// its fields; doubles are written as their exact IEEE-754 bits, so a round trip is bit-identical.
/// </summary>
public sealed class StateWriter
{
    private readonly IBufferWriter<byte> _output;

    public StateWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Tags a state section so a reader fails loudly on a mismatched estimator or a newer format.</summary>
    public void WriteHeader(string name, byte version)
    {
        WriteString(name);
        WriteByte(version);
    }

    public void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_output.GetSpan(8), value);
        _output.Advance(8);
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_output.GetSpan(8), BitConverter.DoubleToInt64Bits(value));
        _output.Advance(8);
    }

    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteString(value.AsSpan());
    }

    /// <summary>Writes characters as a string, without materialising one (same encoding as the string overload).</summary>
    public void WriteString(ReadOnlySpan<char> value)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteInt32(byteCount);
        Span<byte> span = _output.GetSpan(byteCount);
        Encoding.UTF8.GetBytes(value, span);
        _output.Advance(byteCount);
    }

    public void WriteNullableString(string? value)
    {
        WriteBoolean(value is not null);
        if (value is not null)
        {
            WriteString(value);
        }
    }

    /// <summary>Length-prefixed raw bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        value.CopyTo(_output.GetSpan(value.Length));
        _output.Advance(value.Length);
    }

    /// <summary>Count then values.</summary>
    public void WriteDoubles(ReadOnlySpan<double> values)
    {
        WriteInt32(values.Length);
        foreach (double value in values)
        {
            WriteDouble(value);
        }
    }

    public void WriteInt32s(ReadOnlySpan<int> values)
    {
        WriteInt32(values.Length);
        foreach (int value in values)
        {
            WriteInt32(value);
        }
    }

    public void WriteBooleans(ReadOnlySpan<bool> values)
    {
        WriteInt32(values.Length);
        foreach (bool value in values)
        {
            WriteBoolean(value);
        }
    }

    public void WriteLabel(Label label)
    {
        WriteByte((byte)label.Kind);
        switch (label.Kind)
        {
            case LabelKind.None:
                break;
            case LabelKind.Text:
                WriteString(label.RawText!);
                break;
            default:
                WriteDouble(label.RawNumber);
                break;
        }
    }
}
