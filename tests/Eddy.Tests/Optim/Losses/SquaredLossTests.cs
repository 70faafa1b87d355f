using Eddy.Optim.Losses;

namespace Eddy.Tests.Optim.Losses;

public sealed class SquaredLossTests
{
    [Fact]
    public void LossAndGradient_RiverDocstring_MatchRiver()
    {
        var loss = new SquaredLoss();
        Assert.Equal(81.0, loss.Loss(-4, 5));
        Assert.Equal(18.0, loss.Gradient(-4, 5));
        Assert.Equal(-18.0, loss.Gradient(5, -4));
        Assert.Equal(3.5, loss.MeanFunction(3.5));
    }
}
