using System.Globalization;
using System.Net;
using System.Text.Json;
using Eddy.Base;
using Eddy.Metrics;
using Eddy.Server.Tests.Support;
using Eddy.Specs;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>
/// Supervised anomaly models (River's GaussianScorer): learn <c>{"x", "y"}</c> (score y, then learn it), score
/// <c>{"x", "y"}</c> from the replica, ROCAUC over the optional feedback "label", and recovery bit for bit.
/// </summary>
public sealed class SupervisedAnomalyEndpointsTests : IDisposable
{
    private const string Spec = "GaussianScorer(grace_period=10)";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "eddy-supervised-anomaly", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task Create_GaussianScorer_KindSupervisedAnomalyScoredByRocAuc()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await AnomalyEndpointsTests.CreateAsync(eddy, "latency", Spec);

        JsonElement model = await eddy.GetJsonAsync("/v1/models/latency");
        Assert.Equal("supervised_anomaly", model.GetProperty("kind").GetString());
        Assert.Equal("GaussianScorer(window_size=None, grace_period=10)", model.GetProperty("model").GetString());
        Assert.True(model.GetProperty("metrics").GetProperty("global").TryGetProperty("ROCAUC", out _));
        await PendingPredictionTests.PostAsync(
            eddy, "/v1/models", """{"name": "bad", "model": "GaussianScorer", "output": {"unit": "ms"}}""", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Learn_XAndY_AnswersScoreBeforeLearningAsTheLibrary()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await AnomalyEndpointsTests.CreateAsync(eddy, "latency", Spec);
        var local = (SupervisedAnomalyDetector)ModelSpec.Parse(Spec).BuildEstimator();
        var x = new FeatureVector(new FeatureSchema());

        for (int i = 0; i < 40; i++)
        {
            JsonElement answer = await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/learn", Body(i), HttpStatusCode.OK);
            Fill(x, i);
            Assert.Equal(local.ScoreOne(x, Target(i)), answer.GetProperty("score").GetDouble());
            local.LearnOne(x, Target(i));
            Assert.Equal(i + 1, answer.GetProperty("sequence").GetInt64());
        }

        // Past the grace period, scores move.
        Fill(x, 40);
        Assert.NotEqual(0.0, local.ScoreOne(x, Target(40)));
    }

    [Fact]
    public async Task Score_XAndY_PureFromReplicaAsTheLibrary()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await AnomalyEndpointsTests.CreateAsync(eddy, "latency", Spec);
        var local = (SupervisedAnomalyDetector)ModelSpec.Parse(Spec).BuildEstimator();
        var x = new FeatureVector(new FeatureSchema());
        for (int i = 0; i < 30; i++)
        {
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/learn", Body(i), HttpStatusCode.OK);
            Fill(x, i);
            local.LearnOne(x, Target(i));
        }

        JsonElement before = await eddy.GetJsonAsync("/v1/models/latency");
        JsonElement usual = await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/score", """{"x": {"a": 1}, "y": 3.5}""", HttpStatusCode.OK);
        JsonElement odd = await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/score", """{"x": {"a": 1}, "y": 40}""", HttpStatusCode.OK);
        JsonElement predicted = await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/predict", """{"x": {"a": 1}, "y": 40}""", HttpStatusCode.OK);

        Fill(x, 1);
        Assert.Equal(local.ScoreOne(x, 3.5), usual.GetProperty("score").GetDouble());
        Assert.Equal(local.ScoreOne(x, 40), odd.GetProperty("score").GetDouble());
        Assert.True(odd.GetProperty("score").GetDouble() > usual.GetProperty("score").GetDouble());
        Assert.Equal(odd.GetProperty("score").GetDouble(), predicted.GetProperty("score").GetDouble());
        Assert.Equal(30, odd.GetProperty("sequence").GetInt64());
        JsonElement after = await eddy.GetJsonAsync("/v1/models/latency");
        Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
        Assert.Equal(30, after.GetProperty("sequence").GetInt64());

        // A score needs the target; feedback belongs to the learn route.
        JsonElement noTarget = await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/score", """{"x": {"a": 1}}""", HttpStatusCode.BadRequest);
        Assert.Equal("y", noTarget.GetProperty("field").GetString());
        JsonElement text = await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/score", """{"x": {"a": 1}, "y": "slow"}""", HttpStatusCode.BadRequest);
        Assert.Equal("urn:eddy:problem:invalid-label", text.GetProperty("type").GetString());
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/score", """{"x": {"a": 1}, "y": 1, "label": true}""", HttpStatusCode.BadRequest);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/score", """{"x": {"a": 1}, "y": 1, "id": "p"}""", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task LabelledFeedback_UpdatesRocAucButIsNeverLearned()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await AnomalyEndpointsTests.CreateAsync(eddy, "labelled", Spec);
        await AnomalyEndpointsTests.CreateAsync(eddy, "blind", Spec);
        var auc = new RocAuc();
        double metric = double.NaN;
        for (int i = 0; i < 60; i++)
        {
            JsonElement answer = await PendingPredictionTests.PostAsync(eddy, "/v1/models/labelled/learn", Body(i, feedback: true), HttpStatusCode.OK);
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/blind/learn", Body(i), HttpStatusCode.OK);
            var scored = new ClassProbabilities();
            scored.Add(Label.True, answer.GetProperty("score").GetDouble());
            auc.Update(IsAnomaly(i), new ClassificationPrediction(Label.None, scored));
            metric = answer.GetProperty("metric").GetProperty("value").GetDouble();
        }

        Assert.Equal(auc.Value, metric);
        Assert.True(auc.Value > 0.5);
        JsonElement labelled = await eddy.GetJsonAsync("/v1/models/labelled");
        JsonElement blind = await eddy.GetJsonAsync("/v1/models/blind");
        Assert.Equal(blind.GetProperty("stateChecksum").GetString(), labelled.GetProperty("stateChecksum").GetString());
        Assert.Equal(auc.Value, labelled.GetProperty("metrics").GetProperty("global").GetProperty("ROCAUC").GetDouble());
    }

    [Fact]
    public async Task BulkRoutes_LearnManyStreamAndLogged_SameStateAndFeedbackMetricsAsOneByOne()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        foreach (string name in new[] { "single", "many", "stream", "logged" })
        {
            await AnomalyEndpointsTests.CreateAsync(eddy, name, Spec);
        }

        for (int i = 0; i < 60; i++)
        {
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/single/learn", Body(i, feedback: true), HttpStatusCode.OK);
        }

        await PendingPredictionTests.PostAsync(eddy, "/v1/models/many/learn_many", "[" + string.Join(",", Enumerable.Range(0, 60).Select(i => Body(i, feedback: true))) + "]", HttpStatusCode.OK);
        using (HttpResponseMessage streamed = await eddy.Client.PostAsync("/v1/models/stream/stream", new StringContent(string.Join("\n", Enumerable.Range(0, 60).Select(i => Body(i, feedback: true))), System.Text.Encoding.UTF8, "application/x-ndjson")))
        {
            string lines = await streamed.Content.ReadAsStringAsync();
            Assert.DoesNotContain("\"error\"", lines, StringComparison.Ordinal);
        }

        // Logged ingestion keeps {x, y}; a feedback label there is refused on its line, not dropped silently.
        JsonElement[] logged = await LoggedStreamTests.PostLoggedAsync(eddy.Client, string.Join("\n", Enumerable.Range(0, 60).Select(i => Body(i))) + "\n" + Body(60, feedback: true), "logged");
        Assert.Equal(60, logged.Where(a => a.TryGetProperty("accepted", out _)).Sum(a => a.GetProperty("accepted").GetInt32()));
        Assert.Equal("label", Assert.Single(logged, a => a.TryGetProperty("error", out _)).GetProperty("error").GetProperty("field").GetString());
        await LoggedStreamTests.WaitLearnedAsync(eddy.Client, 60, "logged");

        JsonElement single = await eddy.GetJsonAsync("/v1/models/single");
        foreach (string name in new[] { "many", "stream", "logged" })
        {
            JsonElement model = await eddy.GetJsonAsync($"/v1/models/{name}");
            Assert.Equal(single.GetProperty("stateChecksum").GetString(), model.GetProperty("stateChecksum").GetString());
            if (name != "logged")
            {
                Assert.Equal(single.GetProperty("metrics").GetProperty("global").ToString(), model.GetProperty("metrics").GetProperty("global").ToString());
            }
        }
    }

    [Theory]
    [InlineData("""{"x": {"a": 0.5}}""", "urn:eddy:problem:invalid-label", "y")]
    [InlineData("""{"x": {"a": 0.5}, "y": "slow"}""", "urn:eddy:problem:invalid-label", "y")]
    [InlineData("""{"x": {"a": 0.5}, "y": null}""", "urn:eddy:problem:invalid-label", "y")]
    [InlineData("""{"x": {"a": 0.5}, "y": 1, "label": 2}""", "urn:eddy:problem:invalid-label", "label")]
    [InlineData("""{"id": "p1", "y": 1}""", "urn:eddy:problem:invalid-request", "id")]
    [InlineData("""{"y": 1}""", "urn:eddy:problem:invalid-request", "x")]
    [InlineData("""{"x": {"colour": "red"}, "y": 1}""", "urn:eddy:problem:invalid-feature", "x.colour")]
    public async Task Learn_BadInput_ProblemAndNothingChanges(string body, string type, string field)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await AnomalyEndpointsTests.CreateAsync(eddy, "latency", Spec);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/learn", Body(0), HttpStatusCode.OK);
        JsonElement before = await eddy.GetJsonAsync("/v1/models/latency");

        JsonElement problem = await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/learn", body, HttpStatusCode.BadRequest);

        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        JsonElement after = await eddy.GetJsonAsync("/v1/models/latency");
        Assert.Equal(1, after.GetProperty("sequence").GetInt64());
        Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("25")]
    public async Task Restart_StateMetricsAndNextScoreIdentical(string? snapshotEvery)
    {
        JsonElement before;
        JsonElement nextBefore;
        await using (EddyApplication eddy = await StartAsync(snapshotEvery))
        {
            await AnomalyEndpointsTests.CreateAsync(eddy, "latency", "GaussianScorer(window_size=20, grace_period=5)");
            for (int i = 0; i < 70; i++)
            {
                await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/learn", Body(i, feedback: i % 2 == 0), HttpStatusCode.OK);
            }

            before = await eddy.GetJsonAsync("/v1/models/latency");
            nextBefore = await PendingPredictionTests.PostAsync(eddy, "/v1/models/latency/score", Body(70), HttpStatusCode.OK);
        }

        await using EddyApplication restarted = await StartAsync(snapshotEvery);
        JsonElement after = await restarted.GetJsonAsync("/v1/models/latency");
        Assert.Equal("supervised_anomaly", after.GetProperty("kind").GetString());
        Assert.Equal(70, after.GetProperty("sequence").GetInt64());
        Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
        Assert.Equal(before.GetProperty("metrics").GetRawText(), after.GetProperty("metrics").GetRawText());

        JsonElement learned = await PendingPredictionTests.PostAsync(restarted, "/v1/models/latency/learn", Body(70), HttpStatusCode.OK);
        Assert.Equal(71, learned.GetProperty("sequence").GetInt64());
        Assert.Equal(nextBefore.GetProperty("score").GetDouble(), learned.GetProperty("score").GetDouble());
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>A noisy level with a spike every seventh example.</summary>
    private static double Target(int i) => 3 + Math.Sin(i * 0.7) + (IsAnomaly(i) ? 12 : 0);

    private static bool IsAnomaly(int i) => i % 7 == 6;

    private static void Fill(FeatureVector x, int i)
    {
        x.Clear();
        x.Set("a", i * 0.25);
    }

    private static string Body(int i, bool feedback = false)
    {
        string y = Target(i).ToString("R", CultureInfo.InvariantCulture);
        string label = feedback ? $", \"label\": {(IsAnomaly(i) ? "true" : "false")}" : "";
        return $$"""{"x": {"a": {{(i * 0.25).ToString("R", CultureInfo.InvariantCulture)}}}, "y": {{y}}{{label}}}""";
    }

    private Task<EddyApplication> StartAsync(string? snapshotEvery)
    {
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = _data };
        if (snapshotEvery is not null)
        {
            settings["Eddy:SnapshotEvery"] = snapshotEvery;
        }

        return EddyApplication.StartAsync(settings);
    }
}
