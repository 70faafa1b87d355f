using Eddy.Optim.Losses;

namespace Eddy.Tests.Optim.Losses;

public sealed class HingeLossTests
{
    [Fact]
    public void LossAndGradient_RiverDocstring_MatchRiver()
    {
        var loss = new HingeLoss(threshold: 1);
        Assert.Equal(0.8, loss.Loss(1, .2), 15);
        Assert.Equal(-1.0, loss.Gradient(1, .2));
    }

    [Fact]
    public void Gradient_PerceptronThreshold_MarginCountsAsMistake()
    {
        var loss = new HingeLoss(threshold: 0);
        Assert.Equal(-1.0, loss.Gradient(1, 0));
        Assert.Equal(1.0, loss.Gradient(0, 0));
        Assert.Equal(0.0, loss.Gradient(1, 0.1));
        Assert.Equal(0.0, loss.Gradient(0, -0.1));
        Assert.Equal("Hinge(threshold=0)", loss.ToString());
    }
}
