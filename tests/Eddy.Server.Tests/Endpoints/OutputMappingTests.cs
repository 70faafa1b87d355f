using System.Net;
using System.Text.Json;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>Post-processing (<c>output</c> in a model's spec): named classes, a decision threshold, top classes, clipped and rounded values with a unit.</summary>
public sealed class OutputMappingTests
{
    [Fact]
    public async Task Classifier_Output_NamesClassesAppliesTheThresholdAndLeavesTheMetricsAlone()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """
            {"name": "fraud", "model": "LogisticRegression", "metrics": ["Accuracy"],
             "output": {"labels": {"true": "fraud", "false": "legit"}, "threshold": 0.9}}
            """, HttpStatusCode.Created);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "raw", "model": "LogisticRegression", "metrics": ["Accuracy"]}""", HttpStatusCode.Created);
        for (int i = 0; i < 40; i++)
        {
            string example = $$"""{"x": {"amount": {{i % 4}}}, "y": {{(i % 4 >= 1 ? "true" : "false")}}}""";
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/learn", example, HttpStatusCode.OK);
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/raw/learn", example, HttpStatusCode.OK);
        }

        JsonElement raw = await PendingPredictionTests.PostAsync(eddy, "/v1/models/raw/predict", """{"x": {"amount": 1}}""", HttpStatusCode.OK);
        JsonElement shaped = await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/predict", """{"x": {"amount": 1}}""", HttpStatusCode.OK);
        double pTrue = raw.GetProperty("probabilities").GetProperty("true").GetDouble();
        Assert.InRange(pTrue, 0.5, 0.9);
        Assert.True(raw.GetProperty("prediction").GetBoolean());

        // The same model (same examples, same order): the threshold turns the answer, the names replace the classes.
        Assert.Equal("legit", shaped.GetProperty("prediction").GetString());
        Assert.Equal(pTrue, shaped.GetProperty("probabilities").GetProperty("fraud").GetDouble());
        Assert.Equal(1 - pTrue, shaped.GetProperty("probabilities").GetProperty("legit").GetDouble(), 12);
        Assert.Equal(
            (await eddy.GetJsonAsync("/v1/models/raw/metrics")).GetProperty("global").ToString(),
            (await eddy.GetJsonAsync("/v1/models/fraud/metrics")).GetProperty("global").ToString());
        JsonElement described = await eddy.GetJsonAsync("/v1/models/fraud");
        Assert.Equal(0.9, described.GetProperty("output").GetProperty("threshold").GetDouble());
    }

    [Theory]
    [InlineData("""{"temperature": 2.0}""")]
    [InlineData("""{"platt": {"a": -1.5, "b": 0.25}}""")]
    public async Task Classifier_Calibration_AnswersCalibratedProbabilitiesAndLeavesTheModelAlone(string calibration)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", $$$"""
            {"name": "calibrated", "model": "LogisticRegression", "metrics": ["Accuracy", "LogLoss"], "output": {"calibration": {{{calibration}}}, "threshold": 0.5}}
            """, HttpStatusCode.Created);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "raw", "model": "LogisticRegression", "metrics": ["Accuracy", "LogLoss"]}""", HttpStatusCode.Created);
        for (int i = 0; i < 40; i++)
        {
            string example = $$"""{"x": {"amount": {{i % 4}}}, "y": {{(i % 4 >= 1 ? "true" : "false")}}}""";
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/calibrated/learn", example, HttpStatusCode.OK);
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/raw/learn", example, HttpStatusCode.OK);
        }

        foreach (int amount in new[] { 0, 1, 3 })
        {
            string x = $$$"""{"x": {"amount": {{{amount}}}}}""";
            double p = (await PendingPredictionTests.PostAsync(eddy, "/v1/models/raw/predict", x, HttpStatusCode.OK)).GetProperty("probabilities").GetProperty("true").GetDouble();
            JsonElement shaped = await PendingPredictionTests.PostAsync(eddy, "/v1/models/calibrated/predict", x, HttpStatusCode.OK);
            double expected = calibration.Contains("temperature", StringComparison.Ordinal)
                ? Math.Sqrt(p) / (Math.Sqrt(p) + Math.Sqrt(1 - p))
                : 1 / (1 + Math.Exp((-1.5 * Math.Log(p / (1 - p))) + 0.25));
            double answered = shaped.GetProperty("probabilities").GetProperty("true").GetDouble();
            Assert.Equal(expected, answered, 12);
            Assert.Equal(1 - expected, shaped.GetProperty("probabilities").GetProperty("false").GetDouble(), 12);
            Assert.Equal(answered >= 0.5, shaped.GetProperty("prediction").GetBoolean());
        }

        // Presentation only: the model and its metrics are the uncalibrated model's.
        Assert.Equal(
            (await eddy.GetJsonAsync("/v1/models/raw/metrics")).GetProperty("global").ToString(),
            (await eddy.GetJsonAsync("/v1/models/calibrated/metrics")).GetProperty("global").ToString());
        Assert.Equal((await eddy.GetJsonAsync("/v1/models/raw")).GetProperty("stateChecksum").GetString(), (await eddy.GetJsonAsync("/v1/models/calibrated")).GetProperty("stateChecksum").GetString());
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(calibration),
            System.Text.Json.Nodes.JsonNode.Parse((await eddy.GetJsonAsync("/v1/models/calibrated")).GetProperty("output").GetProperty("calibration").GetRawText())));
    }

    [Fact]
    public async Task Classifier_Top_AnswersTheMostProbableClassesInOrder()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """
            {"name": "colours", "model": "GaussianNB", "output": {"top": 2}}
            """, HttpStatusCode.Created);
        string[] colours = ["red", "green", "blue"];
        for (int i = 0; i < 60; i++)
        {
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/colours/learn", $$"""{"x": {"v": {{i % 3 + (i % 7) * 0.1}}}, "y": "{{colours[i % 3]}}"}""", HttpStatusCode.OK);
        }

        JsonElement answer = await PendingPredictionTests.PostAsync(eddy, "/v1/models/colours/predict", """{"x": {"v": 2.2}}""", HttpStatusCode.OK);
        JsonProperty[] top = [.. answer.GetProperty("probabilities").EnumerateObject()];
        Assert.Equal(2, top.Length);
        Assert.True(top[0].Value.GetDouble() >= top[1].Value.GetDouble());
        Assert.Equal(answer.GetProperty("prediction").GetString(), top[0].Name);
    }

    [Fact]
    public async Task Regressor_Output_ClipsRoundsAndNamesTheUnit_AndSurvivesARestart()
    {
        string directory = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory, ["Eddy:SnapshotEvery"] = "5" };
        try
        {
            await using (EddyApplication first = await EddyApplication.StartAsync(settings))
            {
                await PendingPredictionTests.PostAsync(first, "/v1/models", """
                    {"name": "price", "model": "LinearRegression", "metrics": ["MAE"], "output": {"clip": {"min": 0, "max": 2.5}, "round": 2, "unit": "EUR"}}
                    """, HttpStatusCode.Created);
                for (int i = 0; i < 12; i++)
                {
                    await PendingPredictionTests.PostAsync(first, "/v1/models/price/learn", $$"""{"x": {"q": {{i % 4}}}, "y": {{i % 4 * 1.337}}}""", HttpStatusCode.OK);
                }
            }

            await using EddyApplication second = await EddyApplication.StartAsync(settings);
            JsonElement high = await PendingPredictionTests.PostAsync(second, "/v1/models/price/predict", """{"x": {"q": 30}}""", HttpStatusCode.OK);
            Assert.Equal(2.5, high.GetProperty("prediction").GetDouble());
            Assert.Equal("EUR", high.GetProperty("unit").GetString());
            JsonElement low = await PendingPredictionTests.PostAsync(second, "/v1/models/price/predict", """{"x": {"q": -30}}""", HttpStatusCode.OK);
            Assert.Equal(0, low.GetProperty("prediction").GetDouble());
            JsonElement middle = await PendingPredictionTests.PostAsync(second, "/v1/models/price/predict", """{"x": {"q": 1}}""", HttpStatusCode.OK);
            double value = middle.GetProperty("prediction").GetDouble();
            Assert.Equal(Math.Round(value, 2), value);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("""{"name": "m", "model": "LogisticRegression", "output": {"threshold": 1.5}}""", "output.threshold")]
    [InlineData("""{"name": "m", "model": "LogisticRegression", "output": {"round": 2}}""", "output.round")]
    [InlineData("""{"name": "m", "model": "LogisticRegression", "output": {"calibration": {"temperature": 0}}}""", "output.calibration.temperature")]
    [InlineData("""{"name": "m", "model": "LogisticRegression", "output": {"calibration": {"platt": {"a": -1}}}}""", "output.calibration.platt")]
    [InlineData("""{"name": "m", "model": "LogisticRegression", "output": {"calibration": {"isotonic": {}}}}""", "output.calibration.isotonic")]
    [InlineData("""{"name": "m", "model": "LinearRegression", "output": {"calibration": {"temperature": 2}}}""", "output.calibration")]
    [InlineData("""{"name": "m", "model": "LinearRegression", "output": {"clip": {"min": 3, "max": 1}}}""", "output.clip")]
    [InlineData("""{"name": "m", "model": "LinearRegression", "output": {"labels": {"1": "one"}}}""", "output.labels")]
    [InlineData("""{"name": "m", "model": "LogisticRegression", "output": {"labels": {"true": ""}}}""", "output.labels.true")]
    [InlineData("""{"name": "m", "model": "HalfSpaceTrees", "output": {"unit": "x"}}""", "output")]
    public async Task Create_InvalidOutput_Is400NamingTheField(string body, string field)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement problem = await PendingPredictionTests.PostAsync(eddy, "/v1/models", body, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        using HttpResponseMessage missing = await eddy.Client.GetAsync("/v1/models/m");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
