using System.Net;
using System.Text.Json;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>
/// Champion/challenger over HTTP: the challengers route, manual promotion (logged, so a restart repeats it), bad specs,
/// and the scenario — a concept drift, the policy starts a challenger trained on the recent window, the
/// promotion rule lets it take over, and the model recovers faster than the same model without a policy.
/// </summary>
public sealed class ChallengerEndpointsTests
{
    // Phishing in order, then again with every label flipped: an abrupt concept change at 1,250.
    private const int FlipAt = FlippedPhishing.FlipAt;
    private const string Contest = """
        {"name": "contest", "model": "StandardScaler | LogisticRegression(optimizer=SGD(0.002))", "metrics": ["Accuracy"],
         "challengers": [{"name": "fast", "model": "StandardScaler | LogisticRegression(optimizer=SGD(0.5))"}],
         "promotion": {"window": 100, "margin": 1.0, "min_examples": 100}, "holdout": {"size": 100, "recent": 0.5}}
        """;


    [Fact]
    public async Task Challengers_RouteAndManualPromotion_SurviveARestartBitForBit()
    {
        string directory = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory, ["Eddy:DefaultModel"] = "" };
        try
        {
            string before;
            string checksum;
            await using (EddyApplication first = await EddyApplication.StartAsync(settings))
            {
                using (HttpResponseMessage created = await first.Client.PostAsync("/v1/models", Examples.Json(Contest)))
                {
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                }

                await FlippedPhishing.LearnRangeAsync(first, "contest", 1, 400);
                using (HttpResponseMessage snapshot = await first.Client.GetAsync("/v1/models/contest/snapshot"))
                {
                    Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
                }

                await FlippedPhishing.LearnRangeAsync(first, "contest", 401, 600);
                JsonElement contenders = await first.GetJsonAsync("/v1/models/contest/challengers");
                Assert.Equal("main", contenders.GetProperty("champion").GetProperty("name").GetString());
                JsonElement fast = Assert.Single(contenders.GetProperty("challengers").EnumerateArray());
                Assert.Equal("fast", fast.GetProperty("name").GetString());
                Assert.Equal(600, fast.GetProperty("examples").GetInt64());
                Assert.Equal(100, contenders.GetProperty("holdout").GetProperty("held").GetInt32());
                Assert.Equal(JsonValueKind.Number, fast.GetProperty("rolling").ValueKind);
                Assert.Equal(JsonValueKind.Number, fast.GetProperty("holdout").ValueKind);

                using (HttpResponseMessage promoted = await first.Client.PostAsync("/v1/models/contest/challengers/fast/promote", null))
                {
                    Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
                }

                using (HttpResponseMessage again = await first.Client.PostAsync("/v1/models/contest/challengers/fast/promote", null))
                {
                    Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
                }

                using (HttpResponseMessage unknown = await first.Client.PostAsync("/v1/models/contest/challengers/nobody/promote", null))
                {
                    Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
                    Assert.Equal("challenger", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
                }

                // Readers see the promoted model at once; it keeps learning as the champion.
                JsonElement after = await first.GetJsonAsync("/v1/models/contest/challengers");
                Assert.Equal("fast", after.GetProperty("champion").GetProperty("name").GetString());
                Assert.Contains("0.5", (await first.GetJsonAsync("/v1/models/contest")).GetProperty("model").GetString(), StringComparison.Ordinal);
                JsonElement history = await first.GetJsonAsync("/v1/models/contest/history");
                JsonElement promotion = Assert.Single(history.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "promotion");
                Assert.Equal("manual", promotion.GetProperty("data").GetProperty("reason").GetString());

                await FlippedPhishing.LearnRangeAsync(first, "contest", 601, 900);
                before = (await first.GetJsonAsync("/v1/models/contest/challengers")).GetRawText();
                checksum = (await first.GetJsonAsync("/v1/models/contest")).GetProperty("stateChecksum").GetString()!;
            }

            await using EddyApplication second = await EddyApplication.StartAsync(settings);
            Assert.Equal(before, (await second.GetJsonAsync("/v1/models/contest/challengers")).GetRawText());
            Assert.Equal(checksum, (await second.GetJsonAsync("/v1/models/contest")).GetProperty("stateChecksum").GetString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(""", "challengers": [{"name": "r", "model": "LinearRegression"}]""", "challengers[0].pipeline")]
    [InlineData(""", "challengers": [{"name": "r", "pipeline": [{"LogisticRegression": {"l2": "much"}}]}]""", "challengers[0].pipeline[0].LogisticRegression.l2")]
    [InlineData(""", "challengers": [{"name": "r/s", "model": "LogisticRegression"}]""", "challengers[0].name")]
    [InlineData(""", "promotion": {"metric": "F1"}""", "promotion.metric")]
    [InlineData(""", "holdout": {"size": 100000000}""", "holdout.size")]
    [InlineData(""", "monitors": {"drift": "ADWIN"}, "policy": {"action": "challenger", "window": 0}""", "policy.window")]
    public async Task Create_BadChallengers_400ProblemNamingTheField(string fields, string field)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models", Examples.Json(
            $$"""{"name": "m", "model": "StandardScaler | LogisticRegression", "metrics": ["Accuracy"]{{fields}}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal("urn:eddy:problem:invalid-spec", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Create_ChallengersOnAnAnomalyModel_400()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models", Examples.Json(
            """{"name": "a", "model": "MinMaxScaler | HalfSpaceTrees(seed=1)", "challengers": [{"name": "b", "model": "MinMaxScaler | HalfSpaceTrees(seed=2)"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("challengers", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task DriftingStream_ChallengerPolicy_RecoversFasterThanTheSameModelWithout()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await FlippedPhishing.CreateAsync(eddy, "plain", "");
        await FlippedPhishing.CreateAsync(eddy, "watched", """
            , "monitors": {"drift": "ADWIN"}, "policy": {"action": "challenger", "window": 100},
            "promotion": {"window": 50, "margin": 0.05, "min_examples": 50}, "holdout": {"size": 100, "recent": 1.0, "seed": 5}
            """);

        double[] plain = await FlippedPhishing.StreamAsync(eddy, "plain");
        double[] watched = await FlippedPhishing.StreamAsync(eddy, "watched");

        // Before the flip both are the same model (a challenger only learns in shadow): the same accuracy.
        Assert.Equal(plain[0], watched[0]);

        // Over the 250 learns after the flip the watched model is clearly more accurate (the stated margin: 0.1 of
        // accuracy; both runs are deterministic), and it stays ahead after that.
        Assert.True(watched[1] >= plain[1] + 0.1, $"after the drift: watched {watched[1]:F3} vs plain {plain[1]:F3}; later {watched[2]:F3} vs {plain[2]:F3}");
        Assert.True(watched[2] >= plain[2], $"later: watched {watched[2]:F3} vs plain {plain[2]:F3}");

        JsonElement[] events = [.. (await eddy.GetJsonAsync("/v1/models/watched/history")).GetProperty("events").EnumerateArray()];
        JsonElement started = events.First(e => e.GetProperty("type").GetString() == "challenger" && e.GetProperty("data").GetProperty("decision").GetString() == "started");
        JsonElement promotion = events.First(e => e.GetProperty("type").GetString() == "promotion");
        long startedAt = started.GetProperty("data").GetProperty("sequence").GetInt64();
        long promotedAt = promotion.GetProperty("data").GetProperty("sequence").GetInt64();
        Assert.InRange(startedAt, FlipAt + 1, FlipAt + 250);
        Assert.InRange(promotedAt, startedAt + 50, FlipAt + 250);
        Assert.Equal(started.GetProperty("data").GetProperty("challenger").GetString(), promotion.GetProperty("data").GetProperty("challenger").GetString());
        JsonElement contenders = await eddy.GetJsonAsync("/v1/models/watched/challengers");
        Assert.StartsWith("retrained-", contenders.GetProperty("champion").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains(contenders.GetProperty("challengers").EnumerateArray(), c => c.GetProperty("name").GetString() == "main");
    }
}
