using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>
/// Data drift over HTTP: one input feature shifts, the features monitor blames it (and not the stable one) in a drift
/// event, and the features route reports both.
/// </summary>
public sealed class FeatureDriftScenarioTests
{
    private const int ShiftAt = 1000;

    [Fact]
    public async Task ShiftingFeature_DriftEventNamesIt_AndTheRouteReportsEveryFeature()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await CreateAsync(eddy, "watched", """{"psi": {"reference": 200, "recent": 200}, "detector": "ADWIN"}""");
        await LearnAsync(eddy, "watched", 1, 2 * ShiftAt);

        JsonElement history = await eddy.GetJsonAsync("/v1/models/watched/history");
        JsonElement[] drifts = [.. history.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "drift")];
        Assert.NotEmpty(drifts);
        Assert.All(drifts, d => Assert.Equal("features", d.GetProperty("data").GetProperty("monitor").GetString()));
        Assert.All(drifts, d => Assert.Equal("amount", d.GetProperty("data").GetProperty("source").GetString()));
        Assert.InRange(drifts[0].GetProperty("data").GetProperty("sequence").GetInt64(), ShiftAt + 1, ShiftAt + 200);

        JsonElement report = await eddy.GetJsonAsync("/v1/models/watched/features/drift");
        Assert.True(report.GetProperty("monitored").GetBoolean());
        Assert.Equal(2 * ShiftAt, report.GetProperty("sequence").GetInt64());
        JsonElement[] features = [.. report.GetProperty("features").EnumerateArray()];
        Assert.Equal(["age", "amount"], features.Select(f => f.GetProperty("name").GetString()));
        Assert.All(features, f => Assert.Equal(2 * ShiftAt, f.GetProperty("count").GetInt64()));
        Assert.Equal(0, features[0].GetProperty("drifts").GetInt64());
        Assert.True(features[1].GetProperty("drifts").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Number, features[0].GetProperty("psi").ValueKind);
        Assert.InRange(features[1].GetProperty("recentMean").GetDouble(), 90, 110);
    }

    [Fact]
    public async Task Restart_WithFeaturesMonitor_RecoversTheSameStateFromSnapshotAndLog()
    {
        string directory = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory, ["Eddy:DefaultModel"] = "" };
        try
        {
            string checksum;
            string features;
            await using (EddyApplication first = await EddyApplication.StartAsync(settings))
            {
                await CreateAsync(first, "watched", """{"psi": {"reference": 300, "recent": 100}, "detector": "PageHinkley"}""");
                await LearnAsync(first, "watched", 1, 750);
                using (HttpResponseMessage snapshot = await first.Client.GetAsync("/v1/models/watched/snapshot"))
                {
                    Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
                }

                await LearnAsync(first, "watched", 751, 1500);
                checksum = (await first.GetJsonAsync("/v1/models/watched")).GetProperty("stateChecksum").GetString()!;
                features = (await first.GetJsonAsync("/v1/models/watched/features/drift")).GetProperty("features").GetRawText();
            }

            await using EddyApplication second = await EddyApplication.StartAsync(settings);
            Assert.Equal(checksum, (await second.GetJsonAsync("/v1/models/watched")).GetProperty("stateChecksum").GetString());
            Assert.Equal(features, (await second.GetJsonAsync("/v1/models/watched/features/drift")).GetProperty("features").GetRawText());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task FeaturesRoute_ModelWithoutTheMonitor_SaysSo_UnknownModel404()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await CreateAsync(eddy, "plain", null);
        JsonElement report = await eddy.GetJsonAsync("/v1/models/plain/features/drift");
        Assert.False(report.GetProperty("monitored").GetBoolean());
        Assert.Empty(report.GetProperty("features").EnumerateArray());
        using HttpResponseMessage missing = await eddy.Client.GetAsync("/v1/models/nope/features/drift");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("""{"psi": {"bins": 1000}}""", "monitors.features.psi.bins")]
    [InlineData("""{"psi": {"threshold": -1}}""", "monitors.features.psi.threshold")]
    [InlineData("""{"detector": "ADWIN", "names": "amount"}""", "monitors.features.names")]
    public async Task Create_BadFeaturesMonitor_400NamingTheField(string features, string field)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models", Examples.Json(
            $$$"""{"name": "m", "model": "StandardScaler | LinearRegression", "monitors": {"features": {{{features}}}}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    private static async Task CreateAsync(EddyApplication eddy, string name, string? features)
    {
        string monitors = features is null ? "" : $$""", "monitors": {"features": {{features}}}, "policy": {"action": "alert", "cooldown": 0}""";
        using HttpResponseMessage created = await eddy.Client.PostAsync("/v1/models", Examples.Json(
            $$"""{"name": "{{name}}", "model": "StandardScaler | LinearRegression", "metrics": ["MAE"]{{monitors}}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>"age" is uniform on [20, 60) throughout; "amount" is uniform on [0, 100) and then on [50, 150).</summary>
    private static async Task LearnAsync(EddyApplication eddy, string model, int from, int to)
    {
        for (int start = from; start <= to; start += 250)
        {
            var body = new StringBuilder("[");
            for (int sequence = start; sequence <= Math.Min(to, start + 249); sequence++)
            {
                double age = 20 + (40 * ((sequence * 0.6180339887498949) % 1.0));
                double amount = (100 * ((sequence * 0.41421356237309515) % 1.0)) + (sequence > ShiftAt ? 50 : 0);
                double y = (0.5 * age) + (0.1 * amount);
                body.Append(sequence == start ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"x\":{{\"age\":{age:R},\"amount\":{amount:R}}},\"y\":{y:R}}}");
            }

            using HttpResponseMessage response = await eddy.Client.PostAsync($"/v1/models/{model}/learn_many", Examples.Json(body.Append(']').ToString()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
