using System.Buffers.Binary;
using System.Numerics;

namespace Eddy.Preprocessing;

/// <summary>
/// BLAKE2s-256 with an 8-byte salt and no key (RFC 7693), the hash River's <c>FeatureHasher</c> takes from Python's
/// <c>hashlib.blake2s(data, salt=salt)</c>. Allocation-free: the state lives on the stack.
/// </summary>
internal static class Blake2s
{
    public const int DigestSize = 32;
    public const int SaltSize = 8;
    private const int BlockSize = 64;

    private static ReadOnlySpan<uint> Iv =>
    [
        0x6A09E667u, 0xBB67AE85u, 0x3C6EF372u, 0xA54FF53Au, 0x510E527Fu, 0x9B05688Cu, 0x1F83D9ABu, 0x5BE0CD19u,
    ];

    private static ReadOnlySpan<byte> Sigma =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 4, 15, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ];

    /// <summary>Writes the 32-byte digest of <paramref name="data"/> salted with <paramref name="salt"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, ReadOnlySpan<byte> salt, Span<byte> digest)
    {
        if (salt.Length != SaltSize || digest.Length < DigestSize)
        {
            throw new ArgumentException("BLAKE2s needs an 8-byte salt and a 32-byte digest buffer.");
        }

        Span<uint> h = stackalloc uint[8];
        Iv.CopyTo(h);

        // Parameter block: digest length 32, key length 0, fanout 1, depth 1; the salt fills words 4 and 5.
        h[0] ^= 0x01010000u | DigestSize;
        h[4] ^= BinaryPrimitives.ReadUInt32LittleEndian(salt);
        h[5] ^= BinaryPrimitives.ReadUInt32LittleEndian(salt[4..]);

        Span<byte> block = stackalloc byte[BlockSize];
        ulong counter = 0;
        while (data.Length > BlockSize)
        {
            counter += BlockSize;
            Compress(h, data[..BlockSize], counter, last: false);
            data = data[BlockSize..];
        }

        block.Clear();
        data.CopyTo(block);
        counter += (ulong)data.Length;
        Compress(h, block, counter, last: true);
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(digest[(4 * i)..], h[i]);
        }
    }

    private static void Compress(Span<uint> h, ReadOnlySpan<byte> block, ulong counter, bool last)
    {
        Span<uint> m = stackalloc uint[16];
        Span<uint> v = stackalloc uint[16];
        for (int i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * i)..]);
        }

        h.CopyTo(v);
        Iv.CopyTo(v[8..]);
        v[12] ^= (uint)counter;
        v[13] ^= (uint)(counter >> 32);
        if (last)
        {
            v[14] = ~v[14];
        }

        for (int round = 0; round < 10; round++)
        {
            ReadOnlySpan<byte> s = Sigma.Slice(16 * round, 16);
            Mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            Mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            Mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            Mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            Mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            Mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            Mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            Mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }

        for (int i = 0; i < 8; i++)
        {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private static void Mix(Span<uint> v, int a, int b, int c, int d, uint x, uint y)
    {
        v[a] = v[a] + v[b] + x;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 12);
        v[a] = v[a] + v[b] + y;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 8);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 7);
    }
}
