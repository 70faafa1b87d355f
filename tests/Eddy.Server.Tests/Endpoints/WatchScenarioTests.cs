using System.Net;
using System.Text.Json;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>
/// The loop the seeds ask for, over HTTP: a concept drift happens, the server detects it, the policy acts, and the
/// model recovers faster than the same model without a policy.
/// </summary>
public sealed class WatchScenarioTests
{
    // Phishing in order, then again with every label flipped: an abrupt concept change at 1,250.
    private const int FlipAt = FlippedPhishing.FlipAt;

    [Fact]
    public async Task DriftingStream_RetrainPolicy_RecoversFasterThanTheSameModelWithout()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await FlippedPhishing.CreateAsync(eddy, "plain", null);
        await FlippedPhishing.CreateAsync(eddy, "watched", """, "monitors": {"drift": "ADWIN"}, "policy": {"action": "retrain", "window": 100}""");

        double[] plain = await FlippedPhishing.StreamAsync(eddy, "plain");
        double[] watched = await FlippedPhishing.StreamAsync(eddy, "watched");

        // Before the flip both models are the same model and score the same.
        Assert.Equal(plain[0], watched[0]);

        // Over the 250 learns after the flip the watched model is clearly more accurate (the stated margin: 0.1 of
        // accuracy; both runs are deterministic, so there is no noise to allow for), and it stays ahead after that.
        Assert.True(watched[1] >= plain[1] + 0.1, $"after the drift: watched {watched[1]:F3} vs plain {plain[1]:F3}; later {watched[2]:F3} vs {plain[2]:F3}");
        Assert.True(watched[2] >= plain[2], $"later: watched {watched[2]:F3} vs plain {plain[2]:F3}");

        JsonElement history = await eddy.GetJsonAsync("/v1/models/watched/history");
        JsonElement[] events = [.. history.GetProperty("events").EnumerateArray()];
        JsonElement drift = Assert.Single(events, e => e.GetProperty("type").GetString() == "drift");
        JsonElement policy = Assert.Single(events, e => e.GetProperty("type").GetString() == "policy");
        long detectedAt = drift.GetProperty("data").GetProperty("sequence").GetInt64();
        Assert.InRange(detectedAt, FlipAt + 1, FlipAt + 250);
        Assert.Equal("retrain", policy.GetProperty("data").GetProperty("action").GetString());
        string metrics = await TelemetryTests.ScrapeAsync(eddy);
        Assert.Equal(1, TelemetryTests.Sample(metrics, "eddy_model_policy_actions_total", "model=\"watched\""));
        JsonElement plainHistory = await eddy.GetJsonAsync("/v1/models/plain/history");
        Assert.Empty(plainHistory.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task Restart_AfterThePolicyActed_RecoversTheSameModelFromLogAndSnapshot()
    {
        string directory = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory, ["Eddy:DefaultModel"] = "" };
        try
        {
            string checksum;
            await using (EddyApplication first = await EddyApplication.StartAsync(settings))
            {
                await FlippedPhishing.CreateAsync(first, "watched", """, "monitors": {"drift": "ADWIN", "metric": {"name": "Accuracy", "margin": 0.05}}, "policy": {"action": "rollback", "window": 100}""");
                await FlippedPhishing.LearnRangeAsync(first, "watched", 1, 1400);
                using (HttpResponseMessage snapshot = await first.Client.GetAsync("/v1/models/watched/snapshot"))
                {
                    Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
                }

                await FlippedPhishing.LearnRangeAsync(first, "watched", 1401, 2000);
                JsonElement model = await first.GetJsonAsync("/v1/models/watched");
                checksum = model.GetProperty("stateChecksum").GetString()!;
                Assert.Equal("rollback", model.GetProperty("watch").GetProperty("policy").GetProperty("action").GetString());
                JsonElement history = await first.GetJsonAsync("/v1/models/watched/history");
                Assert.Contains(history.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "policy");
            }

            await using EddyApplication second = await EddyApplication.StartAsync(settings);
            JsonElement recovered = await second.GetJsonAsync("/v1/models/watched");
            Assert.Equal(2000, recovered.GetProperty("sequence").GetInt64());
            Assert.Equal(checksum, recovered.GetProperty("stateChecksum").GetString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Create_BadPolicy_400NamingTheField()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models", Examples.Json(
            """{"name": "m", "model": "StandardScaler | LogisticRegression", "monitors": {"drift": "ADWIN"}, "policy": {"action": "panic"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("policy.action", problem.GetProperty("field").GetString());
    }
}
