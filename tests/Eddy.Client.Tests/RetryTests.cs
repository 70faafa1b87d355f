using System.Net;
using Eddy.Client.Tests.Support;

namespace Eddy.Client.Tests;

/// <summary>Transient failures between the client and a real server: what is retried, and that a retried learn applies once.</summary>
public sealed class RetryTests
{
    private static readonly CancellationToken s_cancel = TestContext.Current.CancellationToken;

    private static Example Features => new() { { "a", 1.0 }, { "b", 2.0 } };

    [Fact]
    public async Task Learn_ResponseDroppedAfterServerApplied_RetriedWithSameKeyAndAppliedOnce()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        FaultHandler handler = new FaultHandler().DropResponse();
        EddyClient client = server.Client(handler: handler);

        LearnResult result = await client.LearnAsync("default", Features, true, cancellationToken: s_cancel);

        Assert.Equal(2, handler.Requests);
        Assert.NotNull(handler.IdempotencyKeys[0]);
        Assert.Equal(handler.IdempotencyKeys[0], handler.IdempotencyKeys[1]);
        Assert.True(result.Replayed);
        Assert.Equal(1, result.Sequence);
        Assert.Equal(1, (await client.GetModelAsync("default", s_cancel)).Sequence);
    }

    [Fact]
    public async Task Learn_TwoLogicalCalls_TwoKeysTwoLearns()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        var handler = new FaultHandler();
        EddyClient client = server.Client(handler: handler);

        await client.LearnAsync("default", Features, true, cancellationToken: s_cancel);
        await client.LearnAsync("default", Features, true, cancellationToken: s_cancel);

        Assert.NotEqual(handler.IdempotencyKeys[0], handler.IdempotencyKeys[1]);
        Assert.Equal(2, (await client.GetModelAsync("default", s_cancel)).Sequence);
    }

    [Fact]
    public async Task LearnById_ResponseDropped_AppliedOnceNotAlreadyLearned()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        FaultHandler handler = new();
        EddyClient client = server.Client(handler: handler);
        await client.PredictAsync("default", Features, "tx-1", s_cancel);

        handler.DropResponse();
        LearnResult result = await client.LearnByIdAsync("default", "tx-1", false, cancellationToken: s_cancel);

        Assert.True(result.Replayed);
        Assert.Equal(1, (await client.GetModelAsync("default", s_cancel)).Sequence);
    }

    [Fact]
    public async Task PredictWithId_ResponseDropped_AnswersWithIdAndPendingIsLearnable()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        FaultHandler handler = new FaultHandler().DropResponse();
        EddyClient client = server.Client(handler: handler);

        PredictResult result = await client.PredictAsync("default", Features, "tx-2", s_cancel);

        Assert.Equal("tx-2", result.Id);
        Assert.Equal(3, handler.Requests);
        Assert.Equal(1, (await client.GetModelAsync("default", s_cancel)).PendingPredictions);
        Assert.Equal(1, (await client.LearnByIdAsync("default", "tx-2", true, cancellationToken: s_cancel)).Sequence);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Predict_TransientProxyAnswer_Retried(HttpStatusCode status)
    {
        await using LiveServer server = await LiveServer.StartAsync();
        FaultHandler handler = new FaultHandler().Answer(status).Answer(status);
        EddyClient client = server.Client(handler: handler);

        PredictResult result = await client.PredictAsync("default", Features, cancellationToken: s_cancel);

        Assert.Equal("default", result.Model);
        Assert.Equal(3, handler.Requests);
    }

    [Fact]
    public async Task Learn_429WithRetryAfter_WaitsAndRetries()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        FaultHandler handler = new FaultHandler().Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromMilliseconds(10));
        EddyClient client = server.Client(handler: handler);

        LearnResult result = await client.LearnAsync("default", Features, true, cancellationToken: s_cancel);

        Assert.False(result.Replayed);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task Learn_429WithoutRetryAfter_NotRetried()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        FaultHandler handler = new FaultHandler().Answer(HttpStatusCode.TooManyRequests);
        EddyClient client = server.Client(handler: handler);

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(() => client.LearnAsync("default", Features, true, cancellationToken: s_cancel));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task Predict_AttemptsExhausted_LastProblemThrownWithRetryAfter()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        var handler = new FaultHandler();
        for (int i = 0; i < 3; i++)
        {
            handler.Answer(HttpStatusCode.ServiceUnavailable, TimeSpan.FromMilliseconds(1));
        }

        EddyClient client = server.Client(new EddyClientOptions { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(20) }, handler);

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(() => client.PredictAsync("default", Features, cancellationToken: s_cancel));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal("about:blank", e.Type);
        Assert.Contains("upstream unavailable", e.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(1), e.RetryAfter);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(3, handler.Requests);
    }

    [Fact]
    public async Task Predict_RetryAfterLongerThanMaxDelay_NotWaitedFor()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        FaultHandler handler = new FaultHandler().Answer(HttpStatusCode.ServiceUnavailable, TimeSpan.FromMinutes(5));
        EddyClient client = server.Client(handler: handler);

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(() => client.PredictAsync("default", Features, cancellationToken: s_cancel));

        Assert.Equal(TimeSpan.FromMinutes(5), e.RetryAfter);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task LearnMany_ResponseDropped_NotRetriedAndAppliedOnce()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        FaultHandler handler = new FaultHandler().DropResponse();
        EddyClient client = server.Client(handler: handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.LearnManyAsync("default", [LearnItem.Of(Features, true), LearnItem.Of(Features, false)], s_cancel));

        Assert.Equal(1, handler.Requests);
        Assert.Equal(2, (await client.GetModelAsync("default", s_cancel)).Sequence);
    }

    [Fact]
    public async Task LearnMany_ConnectionRefused_Retried()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        FaultHandler handler = new FaultHandler().RefuseConnection();
        EddyClient client = server.Client(handler: handler);

        LearnManyResult result = await client.LearnManyAsync("default", [LearnItem.Of(Features, true)], s_cancel);

        Assert.Equal(2, handler.Requests);
        Assert.Equal(1, result.Results[0].Sequence);
    }

    [Fact]
    public async Task Client_ServerGone_ConnectionErrorAfterMaxAttempts()
    {
        LiveServer server = await LiveServer.StartAsync();
        Uri address = server.Address;
        await server.DisposeAsync();
        using var client = new EddyClient(address, new EddyClientOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });

        HttpRequestException e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetHealthAsync(s_cancel));

        Assert.Equal(HttpRequestError.ConnectionError, e.HttpRequestError);
    }

    [Fact]
    public void Options_Invalid_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EddyClient(new Uri("http://127.0.0.1:1/"), new EddyClientOptions { MaxAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EddyClient(new Uri("http://127.0.0.1:1/"), new EddyClientOptions { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(1) }));
        Assert.Throws<ArgumentException>(() => new EddyClient(new HttpClient()));
    }
}
