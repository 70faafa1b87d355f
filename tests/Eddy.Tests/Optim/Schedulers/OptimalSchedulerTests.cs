using Eddy.Optim.Losses;
using Eddy.Optim.Schedulers;

namespace Eddy.Tests.Optim.Schedulers;

public sealed class OptimalSchedulerTests
{
    [Fact]
    public void Get_HingeLoss_BottouT0()
    {
        // typw = (1e-4)^(-1/4) = 10; Hinge(1) gradient at y = 1, p = −10 is −1, so eta0 = 10 and t0 = 1 / (10 α).
        var scheduler = new OptimalScheduler(new HingeLoss(), alpha: 1e-4);
        double typw = Math.Sqrt(1.0 / Math.Sqrt(1e-4));
        Assert.Equal(1.0 / (typw * 1e-4), scheduler.T0);
        Assert.Equal(1.0 / (1e-4 * (scheduler.T0 + 7)), scheduler.Get(7));
    }

    [Fact]
    public void T0_SquaredLoss_UsesGradientWhenAboveOne()
    {
        var scheduler = new OptimalScheduler(new SquaredLoss(), alpha: 1e-4);
        double typw = Math.Sqrt(1.0 / Math.Sqrt(1e-4));

        // The gradient 2 (−typw − 1) is below 1, so River's max(1, ·) keeps eta0 = typw.
        Assert.Equal(1.0 / (typw * 1e-4), scheduler.T0);
    }
}
