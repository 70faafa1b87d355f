using System.Net;
using System.Runtime.CompilerServices;
using Eddy.Client.Tests.Support;
using Eddy.Datasets;

namespace Eddy.Client.Tests;

/// <summary>The NDJSON stream: items sent while answers are read, in order, against a real server.</summary>
public sealed class StreamingTests
{
    private static readonly CancellationToken s_cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stream_Dataset_OneAnswerPerLineInOrderAndSameModelAsLearnMany()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();
        Dataset phishing = RiverDatasets.Phishing();
        await client.CreateModelAsync("batched", "StandardScaler | LogisticRegression", cancellationToken: s_cancel);

        var answers = new List<StreamAnswer>();
        await foreach (StreamAnswer answer in client.StreamAsync("default", Items(phishing), s_cancel))
        {
            answers.Add(answer);
        }

        Assert.Equal(phishing.Count + 2, answers.Count);
        Assert.Equal(Enumerable.Range(1, answers.Count).Select(i => (long)i), answers.Select(a => a.Line));
        Assert.All(answers.Take(phishing.Count), a => Assert.True(a.IsLearn && a.Error is null));
        Assert.Equal(phishing.Count, answers[phishing.Count - 1].Sequence);
        Assert.Equal("ROCAUC", answers[0].Metric?.Name);

        // The prediction after the learns reads them (a stream reads its own writes), and keeps its id pending.
        StreamAnswer prediction = answers[phishing.Count];
        Assert.False(prediction.IsLearn);
        Assert.Equal(phishing.Count, prediction.Sequence);
        Assert.Equal("last", prediction.Id);
        Assert.NotNull(prediction.Probabilities);
        Assert.Equal("urn:eddy:problem:invalid-label", answers[^1].Error?.Type);

        await client.LearnManyAsync("batched", DatasetExamples.Learns(phishing, phishing.Count), s_cancel);
        Assert.Equal((await client.GetModelAsync("batched", s_cancel)).StateChecksum, (await client.GetModelAsync("default", s_cancel)).StateChecksum);
        Assert.Equal(0.9506961340902946, (await client.GetMetricsAsync("default", s_cancel)).Global["ROCAUC"]);
    }

    [Fact]
    public async Task Stream_SlowProducer_AnswersArriveBeforeTheStreamEnds()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();
        var release = new TaskCompletionSource();

        await using IAsyncEnumerator<StreamAnswer> answers = client.StreamAsync("default", Gated(release.Task), s_cancel).GetAsyncEnumerator(s_cancel);

        // The first answer comes while the producer is still waiting to send the second line: the client is duplex.
        Assert.True(await answers.MoveNextAsync());
        Assert.Equal(1, answers.Current.Sequence);
        release.SetResult();
        Assert.True(await answers.MoveNextAsync());
        Assert.Equal(2, answers.Current.Sequence);
        Assert.False(await answers.MoveNextAsync());
    }

    [Fact]
    public async Task Stream_UnknownModel_404ProblemBeforeAnyAnswer()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(async () =>
        {
            await foreach (StreamAnswer answer in client.StreamAsync("nope", [LearnItem.Of(new Example { { "a", 1 } }, true)], s_cancel))
            {
                Assert.Fail($"Unexpected answer {answer.Line}.");
            }
        });

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("model-not-found", e.Problem.Slug);
    }

    private static IEnumerable<StreamItem> Items(Dataset data)
    {
        foreach (LearnItem learn in DatasetExamples.Learns(data, data.Count))
        {
            yield return learn;
        }

        yield return new PredictItem(DatasetExamples.Features(data, 0), "last");
        yield return LearnItem.Of(DatasetExamples.Features(data, 0), "not a boolean");
    }

    private static async IAsyncEnumerable<StreamItem> Gated(Task gate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return LearnItem.Of(new Example { { "a", 1.0 } }, true);
        await gate.WaitAsync(cancellationToken);
        yield return LearnItem.Of(new Example { { "a", 0.0 } }, false);
    }
}
