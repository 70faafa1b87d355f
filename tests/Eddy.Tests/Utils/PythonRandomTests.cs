using System.Buffers;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Tests.Utils;

// Expected values were printed by CPython 3.11's random module with the same seeds and calls.
public sealed class PythonRandomTests
{
    [Fact]
    public void NextDouble_Seed42_MatchesCPython()
    {
        var random = new PythonRandom(42);
        Assert.Equal(0.6394267984578837, random.NextDouble());
        Assert.Equal(0.025010755222666936, random.NextDouble());
        Assert.Equal(0.27502931836911926, random.NextDouble());
    }

    [Theory]
    [InlineData(0L, 0.8444218515250481)]
    [InlineData(-5L, 0.6229016948897019)]
    [InlineData(1099511627779L, 0.21978710637116716)]
    public void Seed_ZeroNegativeAndWide_SeedAsPythonDoes(long seed, double first)
    {
        Assert.Equal(first, new PythonRandom(seed).NextDouble());
    }

    [Fact]
    public void GetRandBits_VariousWidths_MatchesCPython()
    {
        var random = new PythonRandom(42);
        Assert.Equal(1UL, random.GetRandBits(1));
        Assert.Equal(14UL, random.GetRandBits(7));
        Assert.Equal(107420369UL, random.GetRandBits(32));
        Assert.Equal(3184935163UL, random.GetRandBits(33));
        Assert.Equal(4117511471858006928UL, random.GetRandBits(64));
    }

    [Fact]
    public void RandRangeAndRandInt_Seed7_MatchesCPython()
    {
        var random = new PythonRandom(7);
        long[] expected = [5, 2, 6, 0, 1, 8, 1, 5, 9, 0];
        foreach (long value in expected)
        {
            Assert.Equal(value, random.RandRange(0, 10));
        }

        Assert.Equal(9, random.RandInt(5, 9));
    }

    [Fact]
    public void Gauss_KeepsTheSecondValue_MatchesCPython()
    {
        var random = new PythonRandom(42);
        Assert.Equal(-0.14409032957792836, random.Gauss(0, 1));
        Assert.Equal(-0.1729036003315193, random.Gauss(0, 1));
        Assert.Equal(-0.11131586156766246, random.Gauss(0, 1));
    }

    [Fact]
    public void NormalExpoUniform_Seed42_MatchCPython()
    {
        var random = new PythonRandom(42);
        Assert.Equal(1.4906526834157268, random.NormalVariate(1, 2));
        Assert.Equal(0.0063110531775942835, random.NormalVariate(1, 2));
        Assert.Equal(2.667185345616166, random.ExpoVariate(0.5));
        Assert.Equal(1.7067979496916452, random.Uniform(-1, 3));
    }

    [Fact]
    public void SampleAndShuffle_PoolAndSetBranches_MatchCPython()
    {
        var random = new PythonRandom(42);
        int[] small = new int[4];
        random.Sample(10, small);
        Assert.Equal([1, 0, 4, 9], small);
        int[] large = new int[8];
        random.Sample(1000, large);
        Assert.Equal([228, 142, 754, 104, 692, 758, 913, 558], large);

        var shuffler = new PythonRandom(42);
        int[] items = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        shuffler.Shuffle(items.AsSpan());
        Assert.Equal([7, 3, 2, 8, 5, 6, 9, 4, 0, 1], items);
    }

    [Fact]
    public void Poisson_Rate6_MatchesRiversHelper()
    {
        var random = new PythonRandom(42);
        int[] expected = [3, 5, 3, 5, 6, 10, 5, 2, 5, 8];
        foreach (int value in expected)
        {
            Assert.Equal(value, random.Poisson(6));
        }
    }

    [Fact]
    public void WriteState_MidStreamWithPendingGauss_RestoresTheSameStream()
    {
        var random = new PythonRandom(3);
        for (int i = 0; i < 700; i++)
        {
            random.NextDouble();
        }

        random.Gauss(0, 1);
        var buffer = new ArrayBufferWriter<byte>();
        random.WriteState(new StateWriter(buffer));
        var reader = new StateReader(buffer.WrittenMemory);
        PythonRandom restored = PythonRandom.ReadState(reader);
        PythonRandom clone = random.Clone();

        double gauss = random.Gauss(0, 1);
        double next = random.NextDouble();
        Assert.Equal(gauss, restored.Gauss(0, 1));
        Assert.Equal(next, restored.NextDouble());
        Assert.Equal(gauss, clone.Gauss(0, 1));
        Assert.Equal(next, clone.NextDouble());
    }

    [Fact]
    public void RandBelow_NonPositive_Throws()
    {
        var random = new PythonRandom(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.RandBelow(0));
        Assert.Throws<ArgumentException>(() => random.RandRange(3, 3));
    }
}
