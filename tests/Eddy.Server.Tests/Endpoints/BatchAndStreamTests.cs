using System.Net;
using System.Text;
using System.Text.Json;
using Eddy.Datasets;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>Batches and the NDJSON stream learn exactly what one-by-one learning would, and answer in order.</summary>
public sealed class BatchAndStreamTests
{
    [Fact]
    public async Task LearnMany_Phishing_SameStateAsOneByOne()
    {
        Dataset phishing = RiverDatasets.Phishing();
        await using EddyApplication batched = await EddyApplication.StartAsync();
        var body = new StringBuilder("[");
        for (int row = 0; row < 300; row++)
        {
            body.Append(row == 0 ? "" : ",").Append(await Examples.Learn(phishing, row).ReadAsStringAsync());
        }

        JsonElement result = await PendingPredictionTests.PostAsync(batched, "/v1/models/default/learn_many", body.Append(']').ToString(), HttpStatusCode.OK);
        JsonElement[] results = [.. result.GetProperty("results").EnumerateArray()];
        Assert.Equal(300, results.Length);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), results.Select(r => r.GetProperty("sequence").GetInt64()));

        await using EddyApplication single = await EddyApplication.StartAsync();
        for (int row = 0; row < 300; row++)
        {
            using HttpResponseMessage response = await single.Client.PostAsync("/v1/models/default/learn", Examples.Learn(phishing, row));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(
            (await single.GetJsonAsync("/v1/models/default")).GetProperty("stateChecksum").GetString(),
            (await batched.GetJsonAsync("/v1/models/default")).GetProperty("stateChecksum").GetString());
    }

    [Fact]
    public async Task LearnMany_OneMalformedItem_NothingLearned()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement problem = await PendingPredictionTests.PostAsync(
            eddy, "/v1/models/default/learn_many", """[{"x": {"a": 1}, "y": 1}, {"x": {"a": [1]}, "y": 0}]""", HttpStatusCode.BadRequest);
        Assert.Equal("[1].x.a", problem.GetProperty("field").GetString());
        Assert.Equal(0, (await eddy.GetJsonAsync("/v1/models/default")).GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task LearnMany_ItemWithWrongLabel_OnlyThatItemRefused()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement result = await PendingPredictionTests.PostAsync(
            eddy, "/v1/models/default/learn_many", """[{"x": {"a": 1}, "y": 1}, {"x": {"a": 2}, "y": "spam"}, {"x": {"a": 3}, "y": 0}]""", HttpStatusCode.OK);
        JsonElement[] results = [.. result.GetProperty("results").EnumerateArray()];
        Assert.Equal(1, results[0].GetProperty("sequence").GetInt64());
        Assert.Equal("urn:eddy:problem:invalid-label", results[1].GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(2, results[2].GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task PredictMany_ThreeItems_OneReplicaInOrder()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/learn", """{"x": {"a": 1}, "y": 1}""", HttpStatusCode.OK);
        JsonElement result = await PendingPredictionTests.PostAsync(
            eddy, "/v1/models/default/predict_many", """[{"x": {"a": 1}}, {"x": {"a": -1}}, {"x": {"b": 5}, "id": "p3"}]""", HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("sequence").GetInt64());
        JsonElement[] predictions = [.. result.GetProperty("predictions").EnumerateArray()];
        Assert.Equal(3, predictions.Length);
        Assert.True(predictions[0].GetProperty("probabilities").GetProperty("true").GetDouble() >= predictions[1].GetProperty("probabilities").GetProperty("true").GetDouble());
        Assert.Equal("p3", predictions[2].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Stream_LearnsThenPredict_AnswersInOrderAndReadsItsWrites()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        string ndjson = string.Join('\n',
            """{"x": {"a": 1}, "y": 1}""",
            """{"x": {"a": -1}, "y": 0}""",
            """{"x": {"a": 1}}""",
            "not json",
            """{"x": {"a": 2}, "y": "wrong"}""",
            """{"x": {"a": 3}, "y": 1}""") + "\n";
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models/default/stream", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        JsonElement[] answers = [.. lines.Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal(6, answers.Length);
        Assert.Equal([1L, 2, 3, 4, 5, 6], answers.Select(a => a.GetProperty("line").GetInt64()));
        Assert.Equal(1, answers[0].GetProperty("sequence").GetInt64());
        Assert.Equal(2, answers[1].GetProperty("sequence").GetInt64());
        Assert.Equal(2, answers[2].GetProperty("sequence").GetInt64());
        Assert.Equal("urn:eddy:problem:malformed-json", answers[3].GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("urn:eddy:problem:invalid-label", answers[4].GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(3, answers[5].GetProperty("sequence").GetInt64());
    }
}
