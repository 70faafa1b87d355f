using Eddy.Drift;

namespace Eddy.Tests.Drift;

public sealed class PopulationStabilityTests
{
    [Fact]
    public void Index_DocExample_IsTheHandComputedSum()
    {
        double[] edges = PopulationStability.QuantileEdges([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], bins: 2);
        Assert.Equal([5.5], edges);

        // (0.2 − 0.5)·ln(0.2 / 0.5) + (0.8 − 0.5)·ln(0.8 / 0.5)
        double psi = PopulationStability.Index([5, 5], [2, 8]);
        Assert.Equal((-0.3 * Math.Log(0.4)) + (0.3 * Math.Log(1.6)), psi, 15);
        Assert.Equal(0.41588830833596724, psi, 14);
    }

    [Fact]
    public void Index_SameHistogram_IsZero()
    {
        Assert.Equal(0.0, PopulationStability.Index([3, 1, 6], [30, 10, 60]));
    }

    [Fact]
    public void Index_EmptyBin_CountsWithEpsilon()
    {
        // Shares q = (0.5, 0.5, 0) and r = (0.2, 0.3, 0.5); the empty reference bin counts as 1e-4.
        double expected = ((0.2 - 0.5) * Math.Log(0.2 / 0.5))
            + ((0.3 - 0.5) * Math.Log(0.3 / 0.5))
            + ((0.5 - 1e-4) * Math.Log(0.5 / 1e-4));
        Assert.Equal(expected, PopulationStability.Index([5, 5, 0], [2, 3, 5]), 14);
        Assert.Equal(4.634797220704422, PopulationStability.Index([5, 5, 0], [2, 3, 5]), 12);
    }

    [Fact]
    public void Index_IsSymmetric()
    {
        Assert.Equal(PopulationStability.Index([5, 5, 1], [2, 3, 9]), PopulationStability.Index([2, 3, 9], [5, 5, 1]), 15);
    }

    [Fact]
    public void QuantileEdges_Interpolates_AsNumPysLinearMethod()
    {
        // np.quantile(range(1, 11), [.25, .5, .75]): virtual indices 2.25, 4.5, 6.75.
        Assert.Equal([3.25, 5.5, 7.75], PopulationStability.QuantileEdges([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], bins: 4));
        Assert.Equal([3.0, 6.0], PopulationStability.QuantileEdges([1, 2, 2, 3, 4, 5, 6, 7, 8, 9], bins: 3));
    }

    [Fact]
    public void QuantileEdges_ConstantReference_TiesAllEdges()
    {
        double[] edges = PopulationStability.QuantileEdges([4, 4, 4, 4], bins: 5);
        Assert.Equal([4.0, 4.0, 4.0, 4.0], edges);
        Assert.Equal(0, PopulationStability.Bin(edges, 4));
        Assert.Equal(4, PopulationStability.Bin(edges, 4.5));
    }

    [Fact]
    public void Bin_ValueOnAnEdge_GoesBelow()
    {
        double[] edges = [1, 2, 3];
        Assert.Equal(0, PopulationStability.Bin(edges, 0.5));
        Assert.Equal(0, PopulationStability.Bin(edges, 1));
        Assert.Equal(1, PopulationStability.Bin(edges, 1.5));
        Assert.Equal(2, PopulationStability.Bin(edges, 3));
        Assert.Equal(3, PopulationStability.Bin(edges, 3.01));
    }

    [Fact]
    public void Arguments_Invalid_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationStability.QuantileEdges([1.0, 2.0], bins: 1));
        Assert.Throws<ArgumentException>(() => PopulationStability.QuantileEdges([], bins: 2));
        Assert.Throws<ArgumentException>(() => PopulationStability.Index([1, 2], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => PopulationStability.Index([0, 0], [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationStability.Index([1, -1], [1, 2]));
    }
}
