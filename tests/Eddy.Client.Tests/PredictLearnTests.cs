using System.Net;
using Eddy.Client.Tests.Support;
using Eddy.Datasets;

namespace Eddy.Client.Tests;

/// <summary>Predict, learn, delayed labels and batches through the client, against a real server.</summary>
public sealed class PredictLearnTests
{
    private static readonly CancellationToken s_cancel = TestContext.Current.CancellationToken;

    private static Example Features => new() { { "empty_server_form_handler", 1 }, { "popup_window", 0 }, { "https", true } };

    [Fact]
    public async Task PredictAndLearn_Classifier_ProbabilitiesLabelAndSequence()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();

        PredictResult cold = await client.PredictAsync("default", Features, cancellationToken: s_cancel);
        Assert.Equal("default", cold.Model);
        Assert.Equal(0, cold.Sequence);
        Assert.NotNull(cold.Probabilities);
        Assert.Null(cold.Value);

        LearnResult learned = await client.LearnAsync("default", Features, true, cancellationToken: s_cancel);
        Assert.Equal(1, learned.Sequence);
        Assert.False(learned.Replayed);
        Assert.Equal("ROCAUC", learned.Metric?.Name);

        PredictResult warm = await client.PredictAsync("default", Features, cancellationToken: s_cancel);
        Assert.Equal(1, warm.Sequence);
        Assert.Equal(EddyValue.FromBoolean(true), warm.Prediction);
        Assert.True(warm.Prediction.AsBoolean());
        Assert.NotNull(warm.Probabilities);
        Assert.Equal(1.0, warm.Probabilities["true"] + warm.Probabilities["false"], 12);
        Assert.True(warm.Probabilities["true"] > 0.5);
    }

    [Fact]
    public async Task Predict_Regressor_ValueWithoutProbabilities()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();
        await client.CreateModelAsync("r", "LinearRegression", ["MAE"], s_cancel);
        await client.LearnAsync("r", new Example { { "a", 2.0 } }, 10.0, cancellationToken: s_cancel);

        PredictResult result = await client.PredictAsync("r", new Example { { "a", 2.0 } }, cancellationToken: s_cancel);

        Assert.Null(result.Probabilities);
        Assert.NotNull(result.Value);
        Assert.True(result.Value > 0.0);
    }

    [Fact]
    public async Task DelayedLabel_PredictWithIdThenLearnById_SameModelAsDirectLearn()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();

        PredictResult served = await client.PredictAsync("default", Features, id: "order-1", cancellationToken: s_cancel);
        Assert.Equal("order-1", served.Id);
        Assert.Equal(1, (await client.GetModelAsync("default", s_cancel)).PendingPredictions);

        LearnResult learned = await client.LearnByIdAsync("default", "order-1", true, cancellationToken: s_cancel);
        Assert.Equal(1, learned.Sequence);
        ModelDescription model = await client.GetModelAsync("default", s_cancel);
        Assert.Equal(0, model.PendingPredictions);

        await client.CreateModelAsync("direct", "StandardScaler | LogisticRegression", cancellationToken: s_cancel);
        await client.LearnAsync("direct", Features, true, cancellationToken: s_cancel);
        Assert.Equal((await client.GetModelAsync("direct", s_cancel)).StateChecksum, model.StateChecksum);

        EddyProblemException twice = await Assert.ThrowsAsync<EddyProblemException>(() => client.LearnByIdAsync("default", "order-1", true, cancellationToken: s_cancel));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("already-learned", twice.Problem.Slug);
    }

    [Fact]
    public async Task LearnById_UnknownId_404ProblemWithField()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(() => client.LearnByIdAsync("default", "nope", true, cancellationToken: s_cancel));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("urn:eddy:problem:pending-not-found", e.Type);
        Assert.Equal("id", e.Field);
    }

    [Fact]
    public async Task Learn_WrongLabelKind_400ProblemNothingLearnedNotRetried()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        var handler = new FaultHandler();
        EddyClient client = server.Client(handler: handler);

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(() => client.LearnAsync("default", Features, "cat", cancellationToken: s_cancel));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("urn:eddy:problem:invalid-label", e.Type);
        Assert.Equal("y", e.Field);
        Assert.Equal(1, handler.Requests);
        Assert.Equal(0, (await client.GetModelAsync("default", s_cancel)).Sequence);
    }

    [Fact]
    public async Task Learn_NonFiniteFeature_RefusedBeforeSending()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        var handler = new FaultHandler();
        EddyClient client = server.Client(handler: handler);

        await Assert.ThrowsAsync<ArgumentException>(() => client.LearnAsync("default", new Example { { "a", double.NaN } }, true, cancellationToken: s_cancel));

        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task LearnManyAndPredictMany_Batch_InOrderWithPerItemErrors()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();
        Dataset phishing = RiverDatasets.Phishing();

        LearnManyResult learned = await client.LearnManyAsync(
            "default", [.. DatasetExamples.Learns(phishing, 100), LearnItem.ById("missing", true), LearnItem.Of(Features, "cat")], s_cancel);
        Assert.Equal("default", learned.Model);
        Assert.Equal(102, learned.Results.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long?)i), learned.Results.Take(100).Select(r => r.Sequence));
        Assert.Equal("urn:eddy:problem:pending-not-found", learned.Results[100].Error?.Type);
        Assert.Equal("[101].y", learned.Results[101].Error?.Field);
        Assert.Null(learned.Results[101].Sequence);

        PredictManyResult predicted = await client.PredictManyAsync(
            "default", [DatasetExamples.Features(phishing, 100), new PredictItem(DatasetExamples.Features(phishing, 101), "p-1")], s_cancel);
        Assert.Equal(100, predicted.Sequence);
        Assert.Equal(2, predicted.Predictions.Count);
        Assert.Equal("p-1", predicted.Predictions[1].Id);
        Assert.All(predicted.Predictions, p => Assert.Equal(EddyValueKind.Boolean, p.Prediction.Kind));

        // One by one gives the same model, bit for bit.
        await client.CreateModelAsync("single", "StandardScaler | LogisticRegression", cancellationToken: s_cancel);
        for (int row = 0; row < 100; row++)
        {
            await client.LearnAsync("single", DatasetExamples.Features(phishing, row), DatasetExamples.Label(phishing, row), cancellationToken: s_cancel);
        }

        Assert.Equal((await client.GetModelAsync("single", s_cancel)).StateChecksum, (await client.GetModelAsync("default", s_cancel)).StateChecksum);
    }

    [Fact]
    public async Task Learn_ConcurrentCallsOnOneClient_AllAppliedOnce()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (int i = 0; i < 25; i++)
            {
                var x = new Example { { "worker", worker }, { "i", i } };
                await client.PredictAsync("default", x, cancellationToken: s_cancel);
                await client.LearnAsync("default", x, i % 2 == 0, cancellationToken: s_cancel);
            }
        }, s_cancel)));

        Assert.Equal(200, (await client.GetModelAsync("default", s_cancel)).Sequence);
    }
}
