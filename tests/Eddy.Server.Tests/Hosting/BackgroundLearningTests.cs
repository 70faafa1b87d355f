using Eddy.Server.Hosting;

namespace Eddy.Server.Tests.Hosting;

public sealed class BackgroundLearningTests
{
    /// <summary>Bulk batches are learned on threads below the request threads' priority (Linux: nice + 10).</summary>
    [Fact(Timeout = 30_000)]
    public async Task RunAsync_OnLinux_RunsBelowRequestPriority()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Thread nice values are Linux's.");
        int requestNice = BackgroundLearning.CurrentNice()!.Value;
        int learningNice = await BackgroundLearning.RunAsync(() => BackgroundLearning.CurrentNice()!.Value).WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Math.Min(19, requestNice + 10), learningNice);
    }

    /// <summary>An exception thrown while learning reaches the awaiting writer instead of killing the thread.</summary>
    [Fact(Timeout = 30_000)]
    public async Task RunAsync_LearnThrows_FaultsTheTaskAndKeepsServing()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => BackgroundLearning.RunAsync(() => throw new InvalidOperationException("bug")));
        for (int i = 0; i < 2 * Environment.ProcessorCount; i++)
        {
            Assert.Equal(i, await BackgroundLearning.RunAsync(() => i).WaitAsync(TestContext.Current.CancellationToken));
        }
    }
}
