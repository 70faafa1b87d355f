using System.Buffers.Binary;
using System.Numerics;

namespace Eddy.Serialization;

/// <summary>CRC-32C (Castagnoli), the checksum of every durable record; hardware-accelerated where the CPU has it.</summary>
public static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(~0u, data);

    /// <summary>Continues a running (pre-inverted) CRC; start with <c>~0u</c> and invert the result.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (byte b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}
