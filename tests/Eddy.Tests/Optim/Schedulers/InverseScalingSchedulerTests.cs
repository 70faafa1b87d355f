using Eddy.Optim.Schedulers;

namespace Eddy.Tests.Optim.Schedulers;

public sealed class InverseScalingSchedulerTests
{
    [Fact]
    public void Get_PowerHalf_DividesBySquareRootOfStep()
    {
        var scheduler = new InverseScalingScheduler(0.5);
        Assert.Equal(0.5, scheduler.Get(0));
        Assert.Equal(0.5 / Math.Pow(4, 0.5), scheduler.Get(3));
        Assert.Equal(0.25, new InverseScalingScheduler(1.0, power: 1).Get(3));
    }
}
