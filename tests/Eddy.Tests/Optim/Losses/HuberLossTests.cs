using Eddy.Optim.Losses;

namespace Eddy.Tests.Optim.Losses;

public sealed class HuberLossTests
{
    [Fact]
    public void LossAndGradient_InsideAndOutsideTheBand_QuadraticThenLinear()
    {
        var loss = new HuberLoss(epsilon: 1.0);
        Assert.Equal(0.125, loss.Loss(0, 0.5));
        Assert.Equal(0.5, loss.Gradient(0, 0.5));
        Assert.Equal((1.0 * 3.0) - 0.5, loss.Loss(0, 3));
        Assert.Equal(1.0, loss.Gradient(0, 3));
        Assert.Equal(-1.0, loss.Gradient(0, -3));
    }

    [Fact]
    public void Constructor_EpsilonZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLoss(0));
}
