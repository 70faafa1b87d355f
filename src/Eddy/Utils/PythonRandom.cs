using System.Security.Cryptography;
using Eddy.Serialization;

namespace Eddy.Utils;

/// <summary>
/// CPython's <c>random.Random</c> bit for bit: MT19937 seeded the way Python seeds it from an integer, and the
/// same derivations (<c>random()</c>, <c>getrandbits</c>, <c>_randbelow</c>, <c>sample</c>, <c>gauss</c>…) in the same
/// order of draws. River's randomised estimators draw from <c>random.Random(seed)</c>, so a model that owns one of
/// these reproduces River's numbers for the same seed, and a snapshot of it replays identically.
/// </summary>
public sealed class PythonRandom
{
    private const int StateVersion = 1;
    private const int N = 624;
    private const int M = 397;
    private const double TwoPi = 2.0 * Math.PI;

    // 4·e^(−1/2)/√2, Python's NV_MAGICCONST, computed the way random.py computes it.
    private static readonly double s_normalMagic = 4 * Math.Exp(-0.5) / Math.Sqrt(2.0);

    private readonly uint[] _mt = new uint[N];
    private int _index;
    private double _gaussNext;
    private bool _hasGaussNext;

    /// <summary><c>random.Random(seed)</c>. Python seeds from <c>abs(seed)</c>.</summary>
    public PythonRandom(long seed)
    {
        Seed(seed);
    }

    private PythonRandom()
    {
    }

    /// <summary>River's <c>seed=None</c>: a generator seeded from the operating system's entropy.</summary>
    public static PythonRandom FromEntropy()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return new PythonRandom(BitConverter.ToInt64(bytes) & long.MaxValue);
    }

    /// <summary>A seeded generator for <paramref name="seed"/>, or one from entropy when it is null.</summary>
    public static PythonRandom Create(long? seed) => seed is { } s ? new PythonRandom(s) : FromEntropy();

    public void Seed(long seed)
    {
        ulong magnitude = seed < 0 ? (ulong)(-(seed + 1)) + 1 : (ulong)seed;
        Span<uint> key = stackalloc uint[2];
        key[0] = (uint)magnitude;
        key[1] = (uint)(magnitude >> 32);
        InitByArray(key[1] == 0 ? key[..1] : key);
        _hasGaussNext = false;
        _gaussNext = 0;
    }

    /// <summary><c>random()</c>: a double in [0, 1) with 53 random bits.</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary><c>getrandbits(k)</c> for k ≤ 64: 32-bit words from the least significant up.</summary>
    public ulong GetRandBits(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 64);
        if (k <= 32)
        {
            return NextUInt32() >> (32 - k);
        }

        ulong low = NextUInt32();
        ulong high = NextUInt32() >> (64 - k);
        return low | (high << 32);
    }

    /// <summary><c>_randbelow(n)</c>: uniform in [0, n) by rejection on <c>n.bit_length()</c> bits.</summary>
    public long RandBelow(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        int bits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)n);
        ulong r = GetRandBits(bits);
        while (r >= (ulong)n)
        {
            r = GetRandBits(bits);
        }

        return (long)r;
    }

    /// <summary><c>randrange(start, stop)</c>.</summary>
    public long RandRange(long start, long stop)
    {
        if (stop <= start)
        {
            throw new ArgumentException($"empty range for randrange({start}, {stop})", nameof(stop));
        }

        return start + RandBelow(stop - start);
    }

    /// <summary><c>randint(a, b)</c>, both ends included.</summary>
    public long RandInt(long a, long b) => RandRange(a, b + 1);

    /// <summary><c>choice(seq)</c> as an index into a sequence of <paramref name="count"/> items.</summary>
    public int Choice(int count) => (int)RandBelow(count);

    /// <summary><c>uniform(a, b)</c>.</summary>
    public double Uniform(double a, double b) => a + ((b - a) * NextDouble());

    /// <summary><c>shuffle(x)</c> in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)RandBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// <c>sample(range(populationSize), k)</c> written into <paramref name="result"/> (length k): Python picks from
    /// a pool when the population is small and by rejection from a set otherwise, and the two draw differently.
    /// </summary>
    public void Sample(int populationSize, Span<int> result)
    {
        int k = result.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(populationSize);
        if (k > populationSize)
        {
            throw new ArgumentException("Sample larger than population or is negative", nameof(result));
        }

        int setSize = 21;
        if (k > 5)
        {
            setSize += (int)Math.Pow(4, Math.Ceiling(Math.Log(k * 3, 4)));
        }

        if (populationSize <= setSize)
        {
            int[] pool = new int[populationSize];
            for (int i = 0; i < populationSize; i++)
            {
                pool[i] = i;
            }

            for (int i = 0; i < k; i++)
            {
                int j = (int)RandBelow(populationSize - i);
                result[i] = pool[j];
                pool[j] = pool[populationSize - i - 1];
            }

            return;
        }

        var selected = new HashSet<int>();
        for (int i = 0; i < k; i++)
        {
            int j = (int)RandBelow(populationSize);
            while (!selected.Add(j))
            {
                j = (int)RandBelow(populationSize);
            }

            result[i] = j;
        }
    }

    /// <summary><c>gauss(mu, sigma)</c>: Box–Muller, keeping the second value for the next call as Python does.</summary>
    public double Gauss(double mu, double sigma)
    {
        double z;
        if (_hasGaussNext)
        {
            z = _gaussNext;
            _hasGaussNext = false;
        }
        else
        {
            double x2pi = NextDouble() * TwoPi;
            double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
            z = Math.Cos(x2pi) * g2rad;
            _gaussNext = Math.Sin(x2pi) * g2rad;
            _hasGaussNext = true;
        }

        return mu + (z * sigma);
    }

    /// <summary><c>normalvariate(mu, sigma)</c>: Kinderman and Monahan's ratio method.</summary>
    public double NormalVariate(double mu, double sigma)
    {
        double z;
        while (true)
        {
            double u1 = NextDouble();
            double u2 = 1.0 - NextDouble();
            z = s_normalMagic * (u1 - 0.5) / u2;
            double zz = z * z / 4.0;
            if (zz <= -Math.Log(u2))
            {
                break;
            }
        }

        return mu + (z * sigma);
    }

    /// <summary><c>expovariate(lambd)</c>.</summary>
    public double ExpoVariate(double lambda) => -Math.Log(1.0 - NextDouble()) / lambda;

    /// <summary>River's <c>utils.random.poisson(rate, rng)</c>: Knuth's product of uniforms.</summary>
    public int Poisson(double rate) => PoissonBelow(Math.Exp(-rate));

    /// <summary><see cref="Poisson"/> with <c>math.exp(-rate)</c> computed once by the caller (the same draws).</summary>
    internal int PoissonBelow(double limit)
    {
        int k = 0;
        double p = 1;
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }

        return k - 1;
    }

    public PythonRandom Clone()
    {
        var copy = new PythonRandom();
        _mt.CopyTo(copy._mt, 0);
        copy._index = _index;
        copy._gaussNext = _gaussNext;
        copy._hasGaussNext = _hasGaussNext;
        return copy;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(PythonRandom), StateVersion);
        for (int i = 0; i < N; i++)
        {
            writer.WriteInt32((int)_mt[i]);
        }

        writer.WriteInt32(_index);
        writer.WriteBoolean(_hasGaussNext);
        writer.WriteDouble(_gaussNext);
    }

    public static PythonRandom ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(PythonRandom), StateVersion);
        var random = new PythonRandom();
        for (int i = 0; i < N; i++)
        {
            random._mt[i] = (uint)reader.ReadInt32();
        }

        int index = reader.ReadInt32();
        StateReader.Require(index is >= 0 and <= N, "PythonRandom position out of range.");
        random._index = index;
        random._hasGaussNext = reader.ReadBoolean();
        random._gaussNext = reader.ReadDouble();
        return random;
    }

    private void InitGenrand(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < N; i++)
        {
            _mt[i] = (1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i;
        }

        _index = N;
    }

    private void InitByArray(ReadOnlySpan<uint> key)
    {
        InitGenrand(19650218u);
        int i = 1;
        int j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++;
            j++;
            if (i >= N)
            {
                _mt[0] = _mt[N - 1];
                i = 1;
            }

            if (j >= key.Length)
            {
                j = 0;
            }
        }

        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N)
            {
                _mt[0] = _mt[N - 1];
                i = 1;
            }
        }

        _mt[0] = 0x80000000u;
        _index = N;
    }

    private uint NextUInt32()
    {
        if (_index >= N)
        {
            Twist();
        }

        uint y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    // genrand_uint32's refill, in CPython's three loops (no index wrap-around per word); same words, same order.
    private void Twist()
    {
        Span<uint> mt = _mt.AsSpan(0, N);
        int i = 0;
        for (; i < N - M; i++)
        {
            uint y = (mt[i] & 0x80000000u) | (mt[i + 1] & 0x7fffffffu);
            mt[i] = mt[i + M] ^ (y >> 1) ^ ((0u - (y & 1u)) & 0x9908b0dfu);
        }

        for (; i < N - 1; i++)
        {
            uint y = (mt[i] & 0x80000000u) | (mt[i + 1] & 0x7fffffffu);
            mt[i] = mt[i + M - N] ^ (y >> 1) ^ ((0u - (y & 1u)) & 0x9908b0dfu);
        }

        uint last = (mt[N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
        mt[N - 1] = mt[M - 1] ^ (last >> 1) ^ ((0u - (last & 1u)) & 0x9908b0dfu);
        _index = 0;
    }
}
