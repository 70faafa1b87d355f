using System.Net;
using System.Text;
using System.Text.Json;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Metrics;
using Eddy.Server.Tests.Support;
using Eddy.Specs;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>Anomaly models: created from a spec, learn without labels (score, then learn), score from the replica.</summary>
public sealed class AnomalyEndpointsTests
{
    private const string Spec = "MinMaxScaler | HalfSpaceTrees(n_trees=5, height=4, window_size=20, seed=42)";

    [Fact]
    public async Task Create_ScalerAndTrees_KindAnomalyScoredByRocAuc()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await CreateAsync(eddy, "fraud", "MinMaxScaler | HalfSpaceTrees(seed=42)");

        JsonElement model = await eddy.GetJsonAsync("/v1/models/fraud");
        Assert.Equal("anomaly", model.GetProperty("kind").GetString());
        Assert.StartsWith("MinMaxScaler() | HalfSpaceTrees(", model.GetProperty("model").GetString());
        Assert.True(model.GetProperty("metrics").GetProperty("global").TryGetProperty("ROCAUC", out _));

        JsonElement refused = await PendingPredictionTests.PostAsync(
            eddy, "/v1/models", """{"name": "bad", "model": "HalfSpaceTrees", "metrics": ["Accuracy"]}""", HttpStatusCode.BadRequest);
        Assert.Equal("urn:eddy:problem:invalid-spec", refused.GetProperty("type").GetString());
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "gauss", "model": "GaussianScorer", "metrics": ["MAE"]}""", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Learn_WithoutLabels_AnswersScoreBeforeLearningAsTheLibrary()
    {
        Dataset phishing = RiverDatasets.Phishing();
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await CreateAsync(eddy, "fraud", Spec);
        var local = (AnomalyDetector)ModelSpec.Parse(Spec).BuildEstimator();
        var x = new FeatureVector(new FeatureSchema());

        for (int row = 0; row < 80; row++)
        {
            JsonElement answer = await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/learn", $$"""{"x": {{Examples.Features(phishing, row)}}}""", HttpStatusCode.OK);
            phishing.Fill(row, x);
            Assert.Equal(local.ScoreOne(x), answer.GetProperty("score").GetDouble());
            local.LearnOne(x);
            Assert.Equal(row + 1, answer.GetProperty("sequence").GetInt64());
        }

        // Scores move once the first window is full.
        phishing.Fill(80, x);
        Assert.NotEqual(0.0, local.ScoreOne(x));
    }

    [Fact]
    public async Task Score_PureFromReplica_SameAsLibraryAndStateUnchanged()
    {
        Dataset phishing = RiverDatasets.Phishing();
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await CreateAsync(eddy, "fraud", Spec);
        var local = (AnomalyDetector)ModelSpec.Parse(Spec).BuildEstimator();
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < 50; row++)
        {
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/learn", $$"""{"x": {{Examples.Features(phishing, row)}}}""", HttpStatusCode.OK);
            phishing.Fill(row, x);
            local.LearnOne(x);
        }

        JsonElement before = await eddy.GetJsonAsync("/v1/models/fraud");
        string body = $$"""{"x": {{Examples.Features(phishing, 60)}}}""";
        JsonElement first = await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/score", body, HttpStatusCode.OK);
        JsonElement second = await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/score", body, HttpStatusCode.OK);
        JsonElement predicted = await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/predict", body, HttpStatusCode.OK);

        phishing.Fill(60, x);
        Assert.Equal(local.ScoreOne(x), first.GetProperty("score").GetDouble());
        Assert.Equal(first.GetProperty("score").GetDouble(), second.GetProperty("score").GetDouble());
        Assert.Equal(first.GetProperty("score").GetDouble(), predicted.GetProperty("score").GetDouble());
        Assert.Equal(50, first.GetProperty("sequence").GetInt64());
        JsonElement after = await eddy.GetJsonAsync("/v1/models/fraud");
        Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
        Assert.Equal(50, after.GetProperty("sequence").GetInt64());

        // Only anomaly models score; a score takes no label.
        JsonElement notAnomaly = await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/score", """{"x": {"a": 1}}""", HttpStatusCode.BadRequest);
        Assert.Equal("urn:eddy:problem:invalid-request", notAnomaly.GetProperty("type").GetString());
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/score", """{"x": {"a": 1}, "label": true}""", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task LabelledFeedback_UpdatesRocAucButIsNeverLearned()
    {
        Dataset phishing = RiverDatasets.Phishing();
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await CreateAsync(eddy, "labelled", Spec);
        await CreateAsync(eddy, "blind", Spec);
        var auc = new RocAuc();
        double metric = double.NaN;
        for (int row = 0; row < 120; row++)
        {
            string features = Examples.Features(phishing, row);
            bool anomaly = phishing.Target(row) == Label.True;
            JsonElement answer = await PendingPredictionTests.PostAsync(
                eddy, "/v1/models/labelled/learn", $$"""{"x": {{features}}, "label": {{(anomaly ? "true" : "false")}}}""", HttpStatusCode.OK);
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/blind/learn", $$"""{"x": {{features}}}""", HttpStatusCode.OK);
            var scored = new ClassProbabilities();
            scored.Add(Label.True, answer.GetProperty("score").GetDouble());
            auc.Update(anomaly, new ClassificationPrediction(Label.None, scored));
            JsonElement reported = answer.GetProperty("metric");
            Assert.Equal("ROCAUC", reported.GetProperty("name").GetString());
            metric = reported.GetProperty("value").GetDouble();
        }

        Assert.Equal(auc.Value, metric);
        JsonElement labelled = await eddy.GetJsonAsync("/v1/models/labelled");
        JsonElement blind = await eddy.GetJsonAsync("/v1/models/blind");
        Assert.Equal(blind.GetProperty("stateChecksum").GetString(), labelled.GetProperty("stateChecksum").GetString());
        Assert.Equal(auc.Value, labelled.GetProperty("metrics").GetProperty("global").GetProperty("ROCAUC").GetDouble());
        Assert.NotEqual(
            labelled.GetProperty("metrics").GetProperty("global").GetRawText(),
            blind.GetProperty("metrics").GetProperty("global").GetRawText());
    }

    [Theory]
    [InlineData("""{"x": {"a": 0.5}, "y": 1}""", "urn:eddy:problem:invalid-request", "y")]
    [InlineData("""{"x": {"a": 0.5}, "label": "yes"}""", "urn:eddy:problem:invalid-label", "label")]
    [InlineData("""{"x": {"a": 0.5}, "label": 1}""", "urn:eddy:problem:invalid-label", "label")]
    [InlineData("""{"id": "p1"}""", "urn:eddy:problem:invalid-request", "id")]
    [InlineData("""{"label": true}""", "urn:eddy:problem:invalid-request", "x")]
    [InlineData("""{"x": {"colour": "red"}}""", "urn:eddy:problem:invalid-feature", "x.colour")]
    public async Task Learn_BadInput_ProblemAndNothingChanges(string body, string type, string field)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await CreateAsync(eddy, "fraud", Spec);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/learn", """{"x": {"a": 0.25}}""", HttpStatusCode.OK);
        JsonElement before = await eddy.GetJsonAsync("/v1/models/fraud");

        JsonElement problem = await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/learn", body, HttpStatusCode.BadRequest);

        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        JsonElement after = await eddy.GetJsonAsync("/v1/models/fraud");
        Assert.Equal(1, after.GetProperty("sequence").GetInt64());
        Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
        Assert.Equal(before.GetProperty("features").GetInt32(), after.GetProperty("features").GetInt32());
    }

    [Fact]
    public async Task Learn_FeedbackOnClassifier_Refused()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement problem = await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/learn", """{"x": {"a": 1}, "y": 1, "label": true}""", HttpStatusCode.BadRequest);
        Assert.Equal("label", problem.GetProperty("field").GetString());
        Assert.Equal(0, (await eddy.GetJsonAsync("/v1/models/default")).GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task LearnManyAndStream_SameScoresAndStateAsOneByOne()
    {
        Dataset phishing = RiverDatasets.Phishing();
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await CreateAsync(eddy, "single", Spec);
        await CreateAsync(eddy, "batch", Spec);
        await CreateAsync(eddy, "stream", Spec);
        const int Rows = 45;
        var bodies = new string[Rows];
        var scores = new double[Rows];
        for (int row = 0; row < Rows; row++)
        {
            string label = row % 3 == 0 ? $", \"label\": {(phishing.Target(row) == Label.True ? "true" : "false")}" : "";
            bodies[row] = $$"""{"x": {{Examples.Features(phishing, row)}}{{label}}}""";
            scores[row] = (await PendingPredictionTests.PostAsync(eddy, "/v1/models/single/learn", bodies[row], HttpStatusCode.OK)).GetProperty("score").GetDouble();
        }

        JsonElement batch = await PendingPredictionTests.PostAsync(eddy, "/v1/models/batch/learn_many", "[" + string.Join(",", bodies) + "]", HttpStatusCode.OK);
        JsonElement[] results = [.. batch.GetProperty("results").EnumerateArray()];
        Assert.Equal(scores, results.Select(r => r.GetProperty("score").GetDouble()));
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/batch/learn_many", """[{"x": {"a": 1}}, {"x": {"a": 1}, "y": 0}]""", HttpStatusCode.BadRequest);

        string ndjson = string.Join('\n', bodies.Take(20)) + "\n{\"x\": {\"a\": 1}, \"y\": 1}\n" + string.Join('\n', bodies.Skip(20)) + "\n";
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models/stream/stream", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement[] lines = [.. (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
        Assert.Equal(Rows + 1, lines.Length);
        Assert.Equal("y", lines[20].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal(scores, lines.Where(l => !l.TryGetProperty("error", out _)).Select(l => l.GetProperty("score").GetDouble()));

        JsonElement single = await eddy.GetJsonAsync("/v1/models/single");
        foreach (string name in new[] { "batch", "stream" })
        {
            JsonElement other = await eddy.GetJsonAsync($"/v1/models/{name}");
            Assert.Equal(Rows, other.GetProperty("sequence").GetInt64());
            Assert.Equal(single.GetProperty("stateChecksum").GetString(), other.GetProperty("stateChecksum").GetString());
            Assert.Equal(single.GetProperty("metrics").GetProperty("global").GetRawText(), other.GetProperty("metrics").GetProperty("global").GetRawText());
        }
    }

    internal static Task<JsonElement> CreateAsync(EddyApplication eddy, string name, string model) =>
        PendingPredictionTests.PostAsync(eddy, "/v1/models", $$"""{"name": "{{name}}", "model": "{{model}}"}""", HttpStatusCode.Created);
}
