using Eddy.Optim.Losses;
using Eddy.Optim.Schedulers;

namespace Eddy.Tests.Optim;

public sealed class SchedulerTests
{
    [Fact]
    public void InverseScaling_PowerHalf_DividesBySquareRootOfStep()
    {
        var scheduler = new InverseScalingScheduler(0.5);
        Assert.Equal(0.5, scheduler.Get(0));
        Assert.Equal(0.5 / Math.Pow(4, 0.5), scheduler.Get(3));
        Assert.Equal(0.25, new InverseScalingScheduler(1.0, power: 1).Get(3));
    }

    [Fact]
    public void Optimal_HingeLoss_BottouT0()
    {
        // typw = (1e-4)^(-1/4) = 10; Hinge(1) gradient at y = 1, p = −10 is −1, so eta0 = 10 and t0 = 1 / (10 α).
        var scheduler = new OptimalScheduler(new HingeLoss(), alpha: 1e-4);
        double typw = Math.Sqrt(1.0 / Math.Sqrt(1e-4));
        Assert.Equal(1.0 / (typw * 1e-4), scheduler.T0);
        Assert.Equal(1.0 / (1e-4 * (scheduler.T0 + 7)), scheduler.Get(7));
    }

    [Fact]
    public void Optimal_SquaredLoss_UsesGradientWhenAboveOne()
    {
        var scheduler = new OptimalScheduler(new SquaredLoss(), alpha: 1e-4);
        double typw = Math.Sqrt(1.0 / Math.Sqrt(1e-4));

        // The gradient 2 (−typw − 1) is below 1, so River's max(1, ·) keeps eta0 = typw.
        Assert.Equal(1.0 / (typw * 1e-4), scheduler.T0);
    }
}
