using System.Net;
using System.Text.Json;
using Eddy.Base;
using Eddy.Compose;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>The JSON export shows the same weights and scaler statistics as the model learned in process.</summary>
public sealed class ExportEndpointTests
{
    [Fact]
    public async Task Export_SeedModelAfterPhishing_WeightsAndMeansAsInProcess()
    {
        Dataset phishing = RiverDatasets.Phishing();
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        ClassifierPipeline model = new StandardScaler() | new LogisticRegression();
        for (int row = 0; row < 300; row++)
        {
            using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models/default/learn", Examples.Learn(phishing, row));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            phishing.Fill(row, x);
            model.LearnOne(x, phishing.Target(row));
        }

        JsonElement export = await eddy.GetJsonAsync("/v1/models/default/export");
        Assert.Equal(300, export.GetProperty("sequence").GetInt64());
        Assert.Equal(phishing.FeatureNames, export.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        JsonElement[] steps = [.. export.GetProperty("steps").EnumerateArray()];
        Assert.StartsWith("StandardScaler", steps[0].GetProperty("estimator").GetString(), StringComparison.Ordinal);

        var scaler = (StandardScaler)model.Steps[0];
        var regression = (LogisticRegression)model.Final;
        foreach (string feature in phishing.FeatureNames)
        {
            Assert.True(schema.TryGetIndex(feature, out int index));
            Assert.Equal(scaler.MeanOf(index), steps[0].GetProperty("parameters").GetProperty("mean").GetProperty(feature).GetDouble());
            Assert.Equal(regression.Weights(schema)[feature], steps[1].GetProperty("parameters").GetProperty("weights").GetProperty(feature).GetDouble());
        }

        Assert.Equal(regression.Intercept, steps[1].GetProperty("parameters").GetProperty("intercept").GetDouble());
    }
}
