using Eddy.Base;
using Eddy.Serialization;
using Eddy.Stats;

namespace Eddy.Tests.Stats;

public sealed class UnivariateTests
{
    private static double[] Run(Univariate statistic, double[] values)
    {
        var outputs = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            statistic.Update(values[i]);
            outputs[i] = statistic.Get();
        }

        return outputs;
    }

    [Fact]
    public void Mean_RiverDocstring()
    {
        Assert.Equal([-5.0, -4.0, -3.0, -2.0, -1.0, 0.0], Run(new Mean(), [-5, -3, -1, 1, 3, 5]));
    }

    [Fact]
    public void Var_RiverDocstring()
    {
        double[] actual = Run(new Var(), [3, 5, 4, 7, 10, 12]);
        double[] expected = [0.0, 2.0, 1.0, 2.916666, 7.7, 12.56666];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], tolerance: 1e-5);
        }
    }

    [Fact]
    public void MaxMin_RiverDocstring_NoValueBeforeUpdate()
    {
        var max = new Max();
        var min = new Min();
        Assert.False(max.HasValue);
        Assert.False(min.HasValue);
        Assert.Equal([1.0, 1, 3, 3, 5, 5], Run(max, [1, -4, 3, -2, 5, -6]));
        Assert.Equal([1.0, -4, -4, -4, -4, -6], Run(min, [1, -4, 3, -2, 5, -6]));
        Assert.True(max.HasValue);
    }

    [Fact]
    public void CountSumBayesianMean_Values()
    {
        Assert.Equal([1.0, 2, 3], Run(new Count(), [7, 8, 9]));
        Assert.Equal([7.0, 15, 24], Run(new Sum(), [7, 8, 9]));
        var bayes = new BayesianMean(3, 1);
        Assert.Equal(3.0, bayes.Get());
        Assert.Equal([22.5, 34.333333333333336], Run(bayes, [42, 58]));
        Assert.Equal("bayes_mean", bayes.Name);
    }

    [Fact]
    public void Update_Overflow_ThrowsWithoutChange()
    {
        var sum = new Sum();
        sum.Update(double.MaxValue);
        Assert.Throws<NonFiniteUpdateException>(() => sum.Update(double.MaxValue));
        Assert.Equal(double.MaxValue, sum.Get());

        var variance = new Var();
        variance.Update(-double.MaxValue);
        Assert.Throws<NonFiniteUpdateException>(() => variance.Update(double.MaxValue));
        Assert.Equal(0.0, variance.Get());
    }

    [Fact]
    public void State_RoundTrip_EveryStatistic()
    {
        Univariate[] statistics = [new Mean(), new Var(ddof: 0), new Count(), new Sum(), new Min(), new Max(), new BayesianMean(1.5, 2)];
        foreach (Univariate statistic in statistics)
        {
            Run(statistic, [4, -1, 2.5]);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            statistic.WriteState(new StateWriter(buffer));
            Univariate copy = statistic.CloneFresh();
            copy.ReadState(new StateReader(buffer.WrittenMemory));
            Assert.Equal(statistic.Get(), copy.Get());
            Assert.Equal(statistic.ToString(), copy.ToString());
        }
    }

    [Fact]
    public void Constructors_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Var(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BayesianMean(double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BayesianMean(0, -1));
    }
}
