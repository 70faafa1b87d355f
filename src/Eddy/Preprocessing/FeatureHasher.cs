using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Preprocessing;

/// <summary>
/// River: <c>preprocessing.FeatureHasher</c>. The hashing trick: each feature name (or <c>"name=value"</c> for a
/// categorical value, which then counts 1) is hashed into one of <see cref="NFeatures"/> buckets, and the values
/// falling into a bucket are summed. Weinberger et al. (2009).
/// </summary>
/// <remarks>
/// <para>The hash is River's: BLAKE2s-256 of the UTF-8 name, salted with the first 8 bytes of NumPy's
/// <c>RandomState(seed).bytes(8)</c>, read as a big-endian integer modulo <see cref="NFeatures"/>; with a seed,
/// bucket numbers equal River's. Without one, the salt is random, as in River, and kept in the state so a saved
/// model hashes the same after loading. River's docstring mentions <c>alternate_sign</c>, but its code has no
/// sign trick, so neither has this port.</para>
/// <para>Buckets are features named by their number (<c>"8"</c>), interned or transient as the output is.</para>
/// </remarks>
public sealed class FeatureHasher : Transformer
{
    private const byte StateVersion = 1;
    private const int StackBytes = 256;

    private byte[] _salt;

    /// <param name="nFeatures">Number of buckets (River's <c>n_features</c>).</param>
    /// <param name="seed">Seed of the salt (River's <c>seed</c>, a NumPy seed in [0, 2³²)); null for a random salt.</param>
    public FeatureHasher(int nFeatures = 1048576, long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nFeatures);
        if (seed is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "A NumPy seed lies in [0, 2^32).");
        }

        NFeatures = nFeatures;
        Seed = seed;
        _salt = seed is { } s ? NumpySalt((uint)s) : RandomNumberGenerator.GetBytes(Blake2s.SaltSize);
    }

    public int NFeatures { get; }

    public long? Seed { get; }

    public override bool AcceptsCategorical => true;

    /// <summary>The bucket of a name, as River's <c>_hash(name) % n_features</c>.</summary>
    public int Bucket(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Bucket(name, null);
    }

    protected override void LearnCore(FeatureVector x) => ValidateInput(x);

    protected override void TransformCore(FeatureVector x, FeatureVector output)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(output);
        output.Reset(x.Schema, output.Interning);
        Span<char> digits = stackalloc char[11];
        for (int i = 0; i < x.Count; i++)
        {
            int symbol = x.SymbolAt(i);
            string name = x.NameOf(x.IndexAt(i));
            int bucket = symbol == FeatureVector.NoSymbol ? Bucket(name, null) : Bucket(name, x.SymbolText(symbol));
            double value = symbol == FeatureVector.NoSymbol ? x.ValueAt(i) : 1.0;
            bucket.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);

            // Python's Counter starts each bucket at the integer 0, so a lone -0.0 sums to 0.0.
            output.Accumulate(output.Resolve(digits[..written]), 0.0 + value);
        }
    }

    public override Estimator CloneFresh() => new FeatureHasher(NFeatures, Seed);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(FeatureHasher), StateVersion);
        writer.WriteInt64(BinaryPrimitives.ReadInt64LittleEndian(_salt));
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(FeatureHasher), StateVersion);
        var salt = new byte[Blake2s.SaltSize];
        BinaryPrimitives.WriteInt64LittleEndian(salt, reader.ReadInt64());
        _salt = salt;
    }

    public override string ToString() =>
        $"FeatureHasher(n_features={NFeatures.ToString(CultureInfo.InvariantCulture)}, seed={(Seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "None")})";

    /// <summary>NumPy's legacy <c>RandomState(seed).bytes(8)</c>: two MT19937 outputs, little-endian.</summary>
    internal static byte[] NumpySalt(uint seed)
    {
        const int N = 624;
        const int M = 397;
        Span<uint> mt = stackalloc uint[N];
        mt[0] = seed;
        for (int i = 1; i < N; i++)
        {
            mt[i] = (1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30))) + (uint)i;
        }

        // One full twist, then the first two tempered words (only they are needed).
        for (int i = 0; i < N; i++)
        {
            uint y = (mt[i] & 0x80000000u) | (mt[(i + 1) % N] & 0x7fffffffu);
            mt[i] = mt[(i + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
        }

        var salt = new byte[Blake2s.SaltSize];
        for (int k = 0; k < 2; k++)
        {
            uint y = mt[k];
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c5680u;
            y ^= (y << 15) & 0xefc60000u;
            y ^= y >> 18;
            BinaryPrimitives.WriteUInt32LittleEndian(salt.AsSpan(4 * k), y);
        }

        return salt;
    }

    private int Bucket(string name, string? category)
    {
        int length = Encoding.UTF8.GetByteCount(name) + (category is null ? 0 : 1 + Encoding.UTF8.GetByteCount(category));
        byte[]? rented = length > StackBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> bytes = rented is null ? stackalloc byte[StackBytes] : rented;
        try
        {
            int n = Encoding.UTF8.GetBytes(name, bytes);
            if (category is not null)
            {
                bytes[n++] = (byte)'=';
                n += Encoding.UTF8.GetBytes(category, bytes[n..]);
            }

            Span<byte> digest = stackalloc byte[Blake2s.DigestSize];
            Blake2s.Hash(bytes[..n], _salt, digest);

            // int(hexdigest, 16) % n_features, one byte at a time.
            long remainder = 0;
            foreach (byte b in digest)
            {
                remainder = ((remainder << 8) | b) % NFeatures;
            }

            return (int)remainder;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
