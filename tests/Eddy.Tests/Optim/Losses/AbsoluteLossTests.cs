using Eddy.Optim.Losses;

namespace Eddy.Tests.Optim.Losses;

public sealed class AbsoluteLossTests
{
    [Fact]
    public void LossAndGradient_RiverDocstring_MatchRiver()
    {
        var loss = new AbsoluteLoss();
        Assert.Equal(84.0, loss.Loss(-42, 42));
        Assert.Equal(1.0, loss.Gradient(1, 2));
        Assert.Equal(-1.0, loss.Gradient(2, 1));
        Assert.Equal(-1.0, loss.Gradient(2, 2));
    }
}
