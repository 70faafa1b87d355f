using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eddy.Datasets;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>The seed application's scenario, end to end over HTTP, with the numbers River gives in process.</summary>
public sealed class SeedEndpointsTests
{
    [Fact]
    public async Task UpdateModel_PhishingOneByOne_FinalRocAucEqualsInProcessProgressiveValue()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        Dataset phishing = RiverDatasets.Phishing();
        JsonElement last = default;
        for (int row = 0; row < phishing.Count; row++)
        {
            using HttpResponseMessage response = await eddy.Client.PutAsync("/update_model", Examples.Learn(phishing, row));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(row + 1, last.GetProperty("sequence").GetInt64());
        }

        Assert.Equal("ROCAUC", last.GetProperty("metric").GetString());
        Assert.Equal(0.9506961340902946, last.GetProperty("value").GetDouble());
        Assert.Equal("ROCAUC: 95.07%", last.GetProperty("display").GetString());

        using HttpResponseMessage predicted = await eddy.Client.PostAsync("/predict", Examples.Predict(phishing, 0));
        Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
        JsonElement answer = await predicted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(phishing.Count, answer.GetProperty("sequence").GetInt64());
        Assert.Equal(JsonValueKind.True, answer.GetProperty("prediction").ValueKind);
        double pTrue = answer.GetProperty("probabilities").GetProperty("true").GetDouble();
        double pFalse = answer.GetProperty("probabilities").GetProperty("false").GetDouble();
        Assert.Equal(1.0, pTrue + pFalse, 12);
    }

    [Fact]
    public async Task Predict_FreshServer_AnswersFromEmptyReplica()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.PostAsync("/predict", Examples.Json("""{"x": {"https": 1.0, "popup_window": 0}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, answer.GetProperty("sequence").GetInt64());
        Assert.Equal(0.5, answer.GetProperty("probabilities").GetProperty("true").GetDouble());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    public async Task UpdateModel_LabelAsBooleanOrInteger_SameModel(string label)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.PutAsync("/update_model", Examples.Json($$"""{"x": {"https": 1.0}, "y": {{label}}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        JsonElement model = await eddy.GetJsonAsync("/v1/models/default");
        Assert.Equal(1, model.GetProperty("sequence").GetInt64());
    }
}
