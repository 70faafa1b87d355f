using System.Net;
using System.Text.Json;
using Eddy.Server.Tests.Endpoints;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Persistence;

/// <summary>
/// Models and monitors that sample (seed=None in River: fresh entropy) get a seed drawn once at creation and logged
/// with the spec, so a restart rebuilds the same bits.
/// </summary>
public sealed class SeedPinningTests
{
    [Fact]
    public async Task Create_UnseededForestAndKswinMonitor_SeedsArePinned_AndARestartRebuildsTheSameModel()
    {
        string directory = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory, ["Eddy:DefaultModel"] = "" };
        try
        {
            JsonElement before;
            await using (EddyApplication first = await EddyApplication.StartAsync(settings))
            {
                JsonElement created = await PendingPredictionTests.PostAsync(first, "/v1/models", """
                    {"name": "forest", "model": "ARFClassifier(n_models=3)", "metrics": ["Accuracy"],
                     "monitors": {"drift": "KSWIN(window_size=50, stat_size=20)"}, "policy": {"action": "alert"}}
                    """, HttpStatusCode.Created);
                Assert.True(created.GetProperty("spec").GetProperty("pipeline")[0].GetProperty("ARFClassifier").TryGetProperty("seed", out JsonElement seed));
                Assert.Equal(JsonValueKind.Number, seed.ValueKind);
                Assert.Contains("seed=", created.GetProperty("watch").GetProperty("monitors").GetProperty("drift").GetString(), StringComparison.Ordinal);
                for (int i = 0; i < 300; i++)
                {
                    string example = $$"""{"x": {"a": {{i % 7}}, "b": {{i % 3}}}, "y": {{(i % 7 > 3 ^ i >= 150 ? "true" : "false")}}}""";
                    await PendingPredictionTests.PostAsync(first, "/v1/models/forest/learn", example, HttpStatusCode.OK);
                }

                before = await first.GetJsonAsync("/v1/models/forest");
            }

            await using EddyApplication second = await EddyApplication.StartAsync(settings);
            JsonElement after = await second.GetJsonAsync("/v1/models/forest");
            Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
            Assert.Equal(before.GetProperty("spec").ToString(), after.GetProperty("spec").ToString());
            Assert.Equal(before.GetProperty("metrics").ToString(), after.GetProperty("metrics").ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
