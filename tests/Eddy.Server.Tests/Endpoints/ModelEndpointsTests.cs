using System.Net;
using System.Text.Json;
using Eddy.Datasets;
using Eddy.Server.Tests.Support;
using Eddy.Specs;
using Microsoft.Extensions.DependencyInjection;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>The model resources: create from specs, isolation, deletion, admin key, failures inside a model.</summary>
public sealed class ModelEndpointsTests
{
    [Fact]
    public async Task Create_JsonSpecAndExpression_BothServeAndDescribeTheirSpec()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement json = await PendingPredictionTests.PostAsync(eddy, "/v1/models", """
            {"name": "trump", "pipeline": [{"StandardScaler": {}}, {"LinearRegression": {"l2": 0.0}}], "metrics": ["MAE", "RMSE"]}
            """, HttpStatusCode.Created);
        Assert.Equal("regressor", json.GetProperty("kind").GetString());

        JsonElement expression = await PendingPredictionTests.PostAsync(eddy, "/v1/models",
            """{"name": "segments", "model": "StandardScaler | SoftmaxRegression(optimizer=SGD(0.01))", "metrics": ["Accuracy", "MacroF1"]}""", HttpStatusCode.Created);
        Assert.Equal("classifier", expression.GetProperty("kind").GetString());
        Assert.Contains("SoftmaxRegression", expression.GetProperty("spec").GetRawText(), StringComparison.Ordinal);

        JsonElement[] models = [.. (await eddy.GetJsonAsync("/v1/models")).EnumerateArray()];
        Assert.Equal(["default", "segments", "trump"], models.Select(m => m.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Learn_ThreeModelsInParallel_EachIsolatedAndEqualToItsOwnProgressiveValidation()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "trump", "model": "StandardScaler | LinearRegression", "metrics": ["MAE"]}""", HttpStatusCode.Created);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "phishing", "model": "StandardScaler | LogisticRegression", "metrics": ["ROCAUC"]}""", HttpStatusCode.Created);

        Dataset trump = RiverDatasets.TrumpApproval();
        Dataset phishing = RiverDatasets.Phishing();
        await Task.WhenAll(
            StreamAsync(eddy, "trump", trump),
            StreamAsync(eddy, "phishing", phishing));

        JsonElement trumpModel = await eddy.GetJsonAsync("/v1/models/trump");
        JsonElement phishingModel = await eddy.GetJsonAsync("/v1/models/phishing");
        Assert.Equal(trump.Count, trumpModel.GetProperty("sequence").GetInt64());
        Assert.Equal(phishing.Count, phishingModel.GetProperty("sequence").GetInt64());
        Assert.Equal(0, (await eddy.GetJsonAsync("/v1/models/default")).GetProperty("sequence").GetInt64());

        // Same numbers as River's progressive validation in process, per model.
        JsonElement trumpMetrics = await eddy.GetJsonAsync("/v1/models/trump/metrics");
        Assert.Equal(1.3145482000473083, trumpMetrics.GetProperty("global").GetProperty("MAE").GetDouble(), 12);
        JsonElement phishingMetrics = await eddy.GetJsonAsync("/v1/models/phishing/metrics");
        Assert.Equal(0.9506961340902946, phishingMetrics.GetProperty("global").GetProperty("ROCAUC").GetDouble());
        Assert.Equal(1000, phishingMetrics.GetProperty("rollingWindow").GetInt32());
        Assert.True(phishingMetrics.GetProperty("rolling").GetProperty("ROCAUC").GetDouble() > 0.5);
    }

    [Fact]
    public async Task Learn_FirstExample_MetricsAnswerZeroNotNegativeZero()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage learned = await eddy.Client.PostAsync("/v1/models/default/learn", Examples.Json("""{"x": {"a": 1}, "y": true}"""));
        string answer = await learned.Content.ReadAsStringAsync();
        string metrics = await eddy.Client.GetStringAsync("/v1/models/default/metrics");

        // ROCAUC of a single example is a negative zero inside; clients should not see "-0".
        Assert.Contains("\"value\":0", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("-0", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(":-0", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadSpecs_400NamingThePath()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement unknown = await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "m", "model": "StandardScaler | LogisticRegresion"}""", HttpStatusCode.BadRequest);
        Assert.Contains("LogisticRegression", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);

        JsonElement range = await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "m", "pipeline": [{"LogisticRegression": {"l2": -1}}]}""", HttpStatusCode.BadRequest);
        Assert.Equal("pipeline[0].LogisticRegression.l2", range.GetProperty("field").GetString());

        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "m", "model": "StandardScaler | LogisticRegression", "metrics": ["MAE"]}""", HttpStatusCode.BadRequest);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "bad name!", "model": "LogisticRegression"}""", HttpStatusCode.BadRequest);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "m", "model": "StandardScaler"}""", HttpStatusCode.BadRequest);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "default", "model": "LogisticRegression"}""", HttpStatusCode.Conflict);
        Assert.Single((await eddy.GetJsonAsync("/v1/models")).EnumerateArray());
    }

    [Fact]
    public async Task AdminRoutes_ApiKeyConfigured_RequireIt()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync(new Dictionary<string, string?> { ["Eddy:ApiKey"] = "s3cret" });
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "m", "model": "LogisticRegression"}""", HttpStatusCode.Unauthorized);
        using (HttpResponseMessage denied = await eddy.Client.DeleteAsync("/v1/models/default"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        }

        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/models") { Content = Examples.Json("""{"name": "m", "model": "LogisticRegression"}""") };
        create.Headers.Add("X-Api-Key", "s3cret");
        using (HttpResponseMessage created = await eddy.Client.SendAsync(create))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/v1/models/m");
        delete.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        using (HttpResponseMessage deleted = await eddy.Client.SendAsync(delete))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        // Reads and learns stay open: the key guards the model lifecycle only.
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/learn", """{"x": {"a": 1}, "y": 1}""", HttpStatusCode.OK);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/m/learn", """{"x": {"a": 1}, "y": 1}""", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Learn_EstimatorThrows_500AndModelAsBefore()
    {
        EstimatorCatalog catalog = EstimatorCatalog.CreateDefault().Register("Faulty", [], _ => new FaultyClassifier());
        await using EddyApplication eddy = await EddyApplication.StartAsync(services: s => s.AddSingleton(catalog));
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "f", "model": "Faulty", "metrics": ["Accuracy"]}""", HttpStatusCode.Created);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/f/learn", """{"x": {"a": 1}, "y": 1}""", HttpStatusCode.OK);
        JsonElement before = await eddy.GetJsonAsync("/v1/models/f");

        JsonElement problem = await PendingPredictionTests.PostAsync(eddy, "/v1/models/f/learn", """{"x": {"a": 2, "boom": 1}, "y": 0}""", HttpStatusCode.InternalServerError);
        Assert.Equal("urn:eddy:problem:model-failure", problem.GetProperty("type").GetString());
        JsonElement after = await eddy.GetJsonAsync("/v1/models/f");
        Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
        Assert.Equal(1, after.GetProperty("sequence").GetInt64());

        // The writer goes on: the next learn is applied on the restored state.
        JsonElement next = await PendingPredictionTests.PostAsync(eddy, "/v1/models/f/learn", """{"x": {"a": 3}, "y": 0}""", HttpStatusCode.OK);
        Assert.Equal(2, next.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Learn_OverflowInLastStep_422AndEarlierStepsUnchanged()
    {
        const string Model = """{"name": "steep", "model": "MinMaxScaler | LinearRegression(optimizer=SGD(1e300))", "metrics": ["MAE"]}""";
        const string First = """{"x": {"a": 1, "b": 2}, "y": 0}""";
        const string Last = """{"x": {"a": 2, "b": 1}, "y": 0}""";
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", Model, HttpStatusCode.Created);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/steep/learn", First, HttpStatusCode.OK);

        // The scaler learns this example first (new maxima), then the regression's step overflows.
        JsonElement problem = await PendingPredictionTests.PostAsync(eddy, "/v1/models/steep/learn", """{"x": {"a": 5, "b": 9}, "y": 1e300}""", (HttpStatusCode)422);
        Assert.Equal("urn:eddy:problem:rejected-update", problem.GetProperty("type").GetString());
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/steep/learn", Last, HttpStatusCode.OK);

        // Bit for bit the model that never saw the refused example.
        await using EddyApplication clean = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(clean, "/v1/models", Model, HttpStatusCode.Created);
        await PendingPredictionTests.PostAsync(clean, "/v1/models/steep/learn", First, HttpStatusCode.OK);
        await PendingPredictionTests.PostAsync(clean, "/v1/models/steep/learn", Last, HttpStatusCode.OK);
        JsonElement expected = await clean.GetJsonAsync("/v1/models/steep");
        JsonElement actual = await eddy.GetJsonAsync("/v1/models/steep");
        Assert.Equal(2, actual.GetProperty("sequence").GetInt64());
        Assert.Equal(expected.GetProperty("stateChecksum").GetString(), actual.GetProperty("stateChecksum").GetString());
    }

    [Fact]
    public async Task Publication_EveryTenLearns_ReplicaLagsThenCatchesUp()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "lazy", "model": "LogisticRegression", "publication": {"every": 10}}""", HttpStatusCode.Created);
        for (int i = 0; i < 9; i++)
        {
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/lazy/learn", """{"x": {"a": 1}, "y": 1}""", HttpStatusCode.OK);
        }

        JsonElement lagging = await eddy.GetJsonAsync("/v1/models/lazy");
        Assert.Equal(9, lagging.GetProperty("sequence").GetInt64());
        Assert.Equal(0, lagging.GetProperty("publishedSequence").GetInt64());

        await PendingPredictionTests.PostAsync(eddy, "/v1/models/lazy/learn", """{"x": {"a": 1}, "y": 1}""", HttpStatusCode.OK);
        JsonElement predicted = await PendingPredictionTests.PostAsync(eddy, "/v1/models/lazy/predict", """{"x": {"a": 1}}""", HttpStatusCode.OK);
        Assert.Equal(10, predicted.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Publication_EveryFiftyMs_PublishedWithoutFurtherLearns()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "timed", "model": "LogisticRegression", "publication": {"everyMs": 50}}""", HttpStatusCode.Created);
        JsonElement learned = await PendingPredictionTests.PostAsync(eddy, "/v1/models/timed/learn", """{"x": {"a": 1}, "y": 1}""", HttpStatusCode.OK);
        Assert.Equal(1, learned.GetProperty("sequence").GetInt64());

        // No other learn arrives: the writer's timer must publish on its own.
        long published = 0;
        for (int attempt = 0; attempt < 100 && published == 0; attempt++)
        {
            await Task.Delay(50);
            published = (await eddy.GetJsonAsync("/v1/models/timed")).GetProperty("publishedSequence").GetInt64();
        }

        Assert.Equal(1, published);
    }

    [Fact]
    public async Task Delete_Model_GoneAndOthersUntouched()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "tmp", "model": "LogisticRegression"}""", HttpStatusCode.Created);
        using (HttpResponseMessage deleted = await eddy.Client.DeleteAsync("/v1/models/tmp"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PendingPredictionTests.PostAsync(eddy, "/v1/models/tmp/predict", """{"x": {"a": 1}}""", HttpStatusCode.NotFound);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/predict", """{"x": {"a": 1}}""", HttpStatusCode.OK);
    }

    private static async Task StreamAsync(EddyApplication eddy, string model, Dataset data)
    {
        for (int row = 0; row < data.Count; row++)
        {
            using HttpResponseMessage response = await eddy.Client.PostAsync($"/v1/models/{model}/learn", Examples.Learn(data, row));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
