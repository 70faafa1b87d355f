using System.Net;
using Eddy.Client.Tests.Support;

namespace Eddy.Client.Tests;

/// <summary>Model versions and champion/challenger through the client, against a real server.</summary>
public sealed class VersionTests
{
    private static readonly CancellationToken s_cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangeModel_Output_Version2ListedAndRestorePreviousBringsVersion1Back()
    {
        await using LiveServer server = await LiveServer.StartAsync(apiKey: true);
        EddyClient client = server.Client(new EddyClientOptions { ApiKey = LiveServer.ApiKey });
        await client.CreateModelAsync("m", "LogisticRegression", ["Accuracy"], s_cancel);
        await LearnAsync(client, 0, 12);
        ModelDescription v1 = await client.GetModelAsync("m", s_cancel);
        Assert.Equal(1, v1.ModelVersion);
        Assert.Null(v1.Output);

        VersionChange changed = await client.ChangeModelAsync("m", """{"output": {"labels": {"true": "yes", "false": "no"}}}""", s_cancel);
        Assert.Equal(new[] { "m", "2", "output", "12" }, new[] { changed.Model, $"{changed.Version}", changed.Change, $"{changed.Sequence}" });
        VersionChange again = await client.ChangeModelAsync("m", """{"output": {"labels": {"true": "yes", "false": "no"}}}""", s_cancel);
        Assert.Equal(("none", 2), (again.Change, again.Version));
        ModelDescription v2 = await client.GetModelAsync("m", s_cancel);
        Assert.Equal(2, v2.ModelVersion);
        Assert.Equal("yes", v2.Output!.Value.GetProperty("labels").GetProperty("true").GetString());
        await LearnAsync(client, 12, 5);

        ModelVersions versions = await client.GetVersionsAsync("m", s_cancel);
        Assert.Equal(2, versions.Version);
        Assert.Equal(17, versions.Sequence);
        Assert.Equal(2, versions.Aliases.Champion);
        Assert.Equal(1, versions.Aliases.Previous);
        Assert.Equal([1, 2], versions.Versions.Select(v => v.Version));
        VersionEntry first = versions.Versions[0];
        Assert.Equal("created", first.Change);
        Assert.Equal(["previous"], first.Aliases);
        Assert.Equal((0L, 12L), (first.FirstSequence, first.LastSequence));
        Assert.True(first.Restorable);
        Assert.NotNull(first.CreatedAt);
        Assert.Equal(v1.Metrics.Global["Accuracy"], first.Scores.Global["Accuracy"]);
        Assert.Equal(12, first.Scores.Sequence);
        Assert.Null(first.Output);
        VersionEntry current = versions.Versions[1];
        Assert.Equal(("output", 12L, (long?)null, false), (current.Change, current.FirstSequence, current.LastSequence, current.Restorable));
        Assert.Equal(["champion"], current.Aliases);
        Assert.Equal("no", current.Output!.Value.GetProperty("labels").GetProperty("false").GetString());
        Assert.Equal("LogisticRegression", current.Spec.GetProperty("pipeline")[0].EnumerateObject().Single().Name);
        Assert.Null(current.Scores.Holdout);

        VersionChange restored = await client.RestoreVersionAsync("m", "previous", s_cancel);
        Assert.Equal(("restore", 3), (restored.Change, restored.Version));
        ModelDescription v3 = await client.GetModelAsync("m", s_cancel);
        Assert.Equal(v1.StateChecksum, v3.StateChecksum);
        Assert.Null(v3.Output);
        VersionEntry last = (await client.GetVersionsAsync("m", s_cancel)).Versions[^1];
        Assert.Equal((3, 1), (last.Version, last.RestoredFrom));
    }

    [Fact]
    public async Task VersionRoutes_BadRequests_ProblemsAndNoRetry()
    {
        await using LiveServer server = await LiveServer.StartAsync(apiKey: true);
        var handler = new FaultHandler();
        EddyClient client = server.Client(new EddyClientOptions { ApiKey = LiveServer.ApiKey }, handler);
        await client.CreateModelAsync("m", "LogisticRegression", ["Accuracy"], s_cancel);
        int before = handler.Requests;

        EddyProblemException invalid = await Assert.ThrowsAsync<EddyProblemException>(() => client.ChangeModelAsync("m", """{"metrics": ["NoSuchMetric"]}""", s_cancel));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.StartsWith("metrics", invalid.Field, StringComparison.Ordinal);
        EddyProblemException champion = await Assert.ThrowsAsync<EddyProblemException>(() => client.RestoreVersionAsync("m", 1, s_cancel));
        Assert.Equal(HttpStatusCode.Conflict, champion.StatusCode);
        EddyProblemException missing = await Assert.ThrowsAsync<EddyProblemException>(() => client.RestoreVersionAsync("m", 9, s_cancel));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("version", missing.Field);
        EddyProblemException model = await Assert.ThrowsAsync<EddyProblemException>(() => client.GetVersionsAsync("nope", s_cancel));
        Assert.Equal("model-not-found", model.Problem.Slug);
        Assert.Equal(before + 4, handler.Requests);
        Assert.Single((await client.GetVersionsAsync("m", s_cancel)).Versions);

        EddyProblemException unauthorized = await Assert.ThrowsAsync<EddyProblemException>(
            () => server.Client().ChangeModelAsync("m", """{"output": {"threshold": 0.7}}""", s_cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task Challengers_ListedPromotedAndUnknownIs404()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();
        await client.CreateModelFromJsonAsync(
            """
            {"name": "contest", "model": "LogisticRegression", "metrics": ["Accuracy"],
             "challengers": [{"name": "fast", "model": "LogisticRegression(optimizer=SGD(0.5))"}],
             "promotion": {"window": 20, "margin": 1.0, "min_examples": 20}, "holdout": {"size": 10}}
            """,
            s_cancel);
        await LearnAsync(client, 0, 30, "contest");

        ModelChallengers board = await client.GetChallengersAsync("contest", s_cancel);
        Assert.Equal(("contest", 30L), (board.Model, board.Sequence));
        Assert.Equal(("Accuracy", true, 20, 20L), (board.Promotion!.Metric, board.Promotion.BiggerIsBetter, board.Promotion.Window, board.Promotion.MinExamples));
        Assert.Equal(10, board.Holdout!.Size);
        Assert.Equal(("main", true), (board.Champion!.Name, board.Champion.Champion));
        Contender fast = Assert.Single(board.Challengers);
        Assert.Equal(("fast", false), (fast.Name, fast.Champion));
        Assert.True(fast.Examples > 0);
        Assert.NotNull(fast.Rolling);

        EddyProblemException unknown = await Assert.ThrowsAsync<EddyProblemException>(() => client.PromoteAsync("contest", "nobody", s_cancel));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("challenger", unknown.Field);

        PromotionResult promoted = await client.PromoteAsync("contest", "fast", s_cancel);
        Assert.Equal(("contest", "fast", 30L), (promoted.Model, promoted.Champion, promoted.Sequence));
        Assert.Equal("fast", (await client.GetChallengersAsync("contest", s_cancel)).Champion!.Name);
        EddyProblemException twice = await Assert.ThrowsAsync<EddyProblemException>(() => client.PromoteAsync("contest", "fast", s_cancel));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task GetChallengers_ModelWithout_NoChampionAndEmptyList()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        ModelChallengers board = await server.Client().GetChallengersAsync("default", s_cancel);

        Assert.Null(board.Champion);
        Assert.Null(board.Promotion);
        Assert.Empty(board.Challengers);
    }

    private static async Task LearnAsync(EddyClient client, int from, int count, string model = "m")
    {
        for (int i = from; i < from + count; i++)
        {
            await client.LearnAsync(model, new Example { { "a", i % 5 }, { "b", i % 3 } }, i % 5 >= 2, cancellationToken: s_cancel);
        }
    }
}
