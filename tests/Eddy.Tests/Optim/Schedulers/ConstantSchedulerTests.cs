using Eddy.Optim.Schedulers;

namespace Eddy.Tests.Optim.Schedulers;

public sealed class ConstantSchedulerTests
{
    [Fact]
    public void Get_AnyStep_ReturnsLearningRate()
    {
        var scheduler = new ConstantScheduler(0.01);
        Assert.Equal(0.01, scheduler.Get(0));
        Assert.Equal(0.01, scheduler.Get(1_000_000));
        Assert.Equal("Constant(0.01)", scheduler.ToString());
    }
}
