using System.Net;
using System.Text.Json;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>Model versions: changes (PATCH), predictions carrying the version, the versions list, restores, recovery.</summary>
public sealed class VersionTests
{
    private const string Create = """{"name": "m", "model": "LogisticRegression", "metrics": ["Accuracy"]}""";

    [Fact]
    public async Task Change_OutputThenPipeline_MakesVersionsAndKeepsOrRestartsTheState()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", Create, HttpStatusCode.Created);
        await LearnAsync(eddy, 0, 20);
        JsonElement before = await eddy.GetJsonAsync("/v1/models/m");
        Assert.Equal(1, before.GetProperty("modelVersion").GetInt32());

        JsonElement changed = await PatchAsync(eddy, """{"output": {"labels": {"true": "yes", "false": "no"}}}""", HttpStatusCode.OK);
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        Assert.Equal("output", changed.GetProperty("change").GetString());
        JsonElement after = await eddy.GetJsonAsync("/v1/models/m");
        Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
        Assert.Equal(before.GetProperty("metrics").GetProperty("global").ToString(), after.GetProperty("metrics").GetProperty("global").ToString());
        Assert.Equal(20, after.GetProperty("sequence").GetInt64());

        using (HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models/m/predict", Examples.Json("""{"x": {"a": 3}}""")))
        {
            JsonElement answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(2, answer.GetProperty("version").GetInt32());
            Assert.Equal("2", Assert.Single(response.Headers.GetValues("Eddy-Model-Version")));
            Assert.Contains(answer.GetProperty("prediction").GetString(), new[] { "yes", "no" });
        }

        JsonElement many = await PendingPredictionTests.PostAsync(eddy, "/v1/models/m/predict_many", """[{"x": {"a": 1}}]""", HttpStatusCode.OK);
        Assert.Equal(2, many.GetProperty("version").GetInt32());

        // The same change again is no change: no version 3.
        Assert.Equal(2, (await PatchAsync(eddy, """{"output": {"labels": {"true": "yes", "false": "no"}}}""", HttpStatusCode.OK)).GetProperty("version").GetInt32());

        JsonElement piped = await PatchAsync(eddy, """{"model": "StandardScaler | LogisticRegression"}""", HttpStatusCode.OK);
        Assert.Equal(3, piped.GetProperty("version").GetInt32());
        Assert.Equal("pipeline", piped.GetProperty("change").GetString());
        JsonElement fresh = await eddy.GetJsonAsync("/v1/models/m");
        Assert.Equal(0, fresh.GetProperty("features").GetInt32());
        Assert.Equal(20, fresh.GetProperty("sequence").GetInt64());
        Assert.Equal(0, fresh.GetProperty("metrics").GetProperty("global").GetProperty("Accuracy").GetDouble());
        Assert.Equal("StandardScaler", fresh.GetProperty("spec").GetProperty("pipeline")[0].EnumerateObject().First().Name);

        // The output mapping is part of the definition and stays unless changed.
        Assert.Equal("yes", fresh.GetProperty("output").GetProperty("labels").GetProperty("true").GetString());
        await LearnAsync(eddy, 20, 10);
        Assert.Equal(30, (await eddy.GetJsonAsync("/v1/models/m")).GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Versions_ListScoresAndAliases_AndRestorePreviousBringsTheStateBack()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", Create, HttpStatusCode.Created);
        await LearnAsync(eddy, 0, 30);
        JsonElement v1 = await eddy.GetJsonAsync("/v1/models/m");
        await PatchAsync(eddy, """{"model": "StandardScaler | LogisticRegression"}""", HttpStatusCode.OK);
        await LearnAsync(eddy, 30, 10);

        JsonElement list = await eddy.GetJsonAsync("/v1/models/m/versions");
        Assert.Equal(2, list.GetProperty("version").GetInt32());
        Assert.Equal(2, list.GetProperty("aliases").GetProperty("champion").GetInt32());
        Assert.Equal(1, list.GetProperty("aliases").GetProperty("previous").GetInt32());
        JsonElement[] versions = [.. list.GetProperty("versions").EnumerateArray()];
        Assert.Equal(2, versions.Length);
        Assert.Equal("created", versions[0].GetProperty("change").GetString());
        Assert.Equal(0, versions[0].GetProperty("firstSequence").GetInt64());
        Assert.Equal(30, versions[0].GetProperty("lastSequence").GetInt64());
        Assert.Equal("previous", versions[0].GetProperty("aliases")[0].GetString());
        Assert.True(versions[0].GetProperty("restorable").GetBoolean());
        Assert.Equal(
            v1.GetProperty("metrics").GetProperty("global").GetProperty("Accuracy").GetDouble(),
            versions[0].GetProperty("scores").GetProperty("global").GetProperty("Accuracy").GetDouble());
        Assert.Equal(
            v1.GetProperty("metrics").GetProperty("rolling").GetProperty("Accuracy").GetDouble(),
            versions[0].GetProperty("scores").GetProperty("rolling").GetProperty("Accuracy").GetDouble());
        Assert.Equal("pipeline", versions[1].GetProperty("change").GetString());
        Assert.Equal("champion", versions[1].GetProperty("aliases")[0].GetString());
        Assert.Equal(30, versions[1].GetProperty("firstSequence").GetInt64());
        Assert.Equal(JsonValueKind.Null, versions[1].GetProperty("lastSequence").ValueKind);
        Assert.Equal(40, versions[1].GetProperty("scores").GetProperty("sequence").GetInt64());
        Assert.Equal(JsonValueKind.Null, versions[1].GetProperty("scores").GetProperty("holdout").ValueKind);

        await PostAsync(eddy, "/v1/models/m/versions/champion/restore", HttpStatusCode.Conflict);
        await PostAsync(eddy, "/v1/models/m/versions/9/restore", HttpStatusCode.NotFound);
        JsonElement restored = await PostAsync(eddy, "/v1/models/m/versions/previous/restore", HttpStatusCode.OK);
        Assert.Equal(3, restored.GetProperty("version").GetInt32());
        JsonElement now = await eddy.GetJsonAsync("/v1/models/m");
        Assert.Equal(v1.GetProperty("stateChecksum").GetString(), now.GetProperty("stateChecksum").GetString());
        Assert.Equal(v1.GetProperty("spec").ToString(), now.GetProperty("spec").ToString());
        Assert.Equal(v1.GetProperty("metrics").GetProperty("global").ToString(), now.GetProperty("metrics").GetProperty("global").ToString());
        Assert.Equal(40, now.GetProperty("sequence").GetInt64());
        JsonElement last = (await eddy.GetJsonAsync("/v1/models/m/versions")).GetProperty("versions")[2];
        Assert.Equal("restore", last.GetProperty("change").GetString());
        Assert.Equal(1, last.GetProperty("restoredFrom").GetInt32());
    }

    [Theory]
    [InlineData("""{"model": "LogisticRegression(l2=-1)"}""", "pipeline[0].LogisticRegression.l2")]
    [InlineData("""{"pipeline": [{"LogisticRegression": {"l2": -1}}]}""", "pipeline")]
    [InlineData("""{"metrics": ["NoSuchMetric"]}""", "metrics")]
    [InlineData("""{"output": {"threshold": 3}}""", "output")]
    [InlineData("""{"publication": {"every": 2}}""", "publication")]
    [InlineData("""{"colour": 1}""", "colour")]
    [InlineData("""{}""", null)]
    public async Task Change_Invalid_Answers400AndChangesNothing(string body, string? field)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", Create, HttpStatusCode.Created);
        await LearnAsync(eddy, 0, 10);
        JsonElement before = await eddy.GetJsonAsync("/v1/models/m");
        JsonElement problem = await PatchAsync(eddy, body, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.StartsWith(field, problem.GetProperty("field").GetString());
        }

        JsonElement after = await eddy.GetJsonAsync("/v1/models/m");
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Single((await eddy.GetJsonAsync("/v1/models/m/versions")).GetProperty("versions").EnumerateArray());
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("3")]
    public async Task Restart_KeepsVersionsStateAndRestorableEarlierVersions(string snapshotEvery)
    {
        string directory = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory, ["Eddy:SnapshotEvery"] = snapshotEvery };
        try
        {
            JsonElement versions;
            JsonElement model;
            string v2Checksum;
            await using (EddyApplication first = await EddyApplication.StartAsync(settings))
            {
                await PendingPredictionTests.PostAsync(first, "/v1/models", Create, HttpStatusCode.Created);
                await LearnAsync(first, 0, 12);
                await PatchAsync(first, """{"output": {"threshold": 0.7}}""", HttpStatusCode.OK);
                await LearnAsync(first, 12, 8);
                v2Checksum = (await first.GetJsonAsync("/v1/models/m")).GetProperty("stateChecksum").GetString()!;
                await PatchAsync(first, """{"pipeline": [{"StandardScaler": {}}, {"LogisticRegression": {}}]}""", HttpStatusCode.OK);
                await LearnAsync(first, 20, 7);
                versions = await first.GetJsonAsync("/v1/models/m/versions");
                model = await first.GetJsonAsync("/v1/models/m");
            }

            await using EddyApplication second = await EddyApplication.StartAsync(settings);
            JsonElement recovered = await second.GetJsonAsync("/v1/models/m");
            Assert.Equal(3, recovered.GetProperty("modelVersion").GetInt32());
            Assert.Equal(model.GetProperty("stateChecksum").GetString(), recovered.GetProperty("stateChecksum").GetString());
            Assert.Equal(model.GetProperty("metrics").ToString(), recovered.GetProperty("metrics").ToString());
            Assert.Equal(versions.GetProperty("versions").ToString(), (await second.GetJsonAsync("/v1/models/m/versions")).GetProperty("versions").ToString());

            JsonElement restored = await PostAsync(second, "/v1/models/m/versions/previous/restore", HttpStatusCode.OK);
            Assert.Equal(4, restored.GetProperty("version").GetInt32());
            JsonElement back = await second.GetJsonAsync("/v1/models/m");
            Assert.Equal(v2Checksum, back.GetProperty("stateChecksum").GetString());
            Assert.Equal(0.7, back.GetProperty("output").GetProperty("threshold").GetDouble());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Upload_ExistingModel_BecomesItsNextVersionAndTheOldOneStaysRestorable_AcrossARestart()
    {
        string directory = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory };
        byte[] trained = Eddy.Server.Persistence.OfflineTraining.Train(
            "offline", Eddy.Specs.ModelSpec.FromExpression("StandardScaler | LogisticRegression", ["Accuracy"]), Eddy.Datasets.RiverDatasets.Phishing().Slice(0, 100));
        try
        {
            string before;
            JsonElement versions;
            await using (EddyApplication first = await EddyApplication.StartAsync(settings))
            {
                await PendingPredictionTests.PostAsync(first, "/v1/models", Create, HttpStatusCode.Created);
                await LearnAsync(first, 0, 15);
                before = (await first.GetJsonAsync("/v1/models/m")).GetProperty("stateChecksum").GetString()!;
                using var content = new ByteArrayContent(trained);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.eddy.snapshot");
                using HttpResponseMessage uploaded = await first.Client.PutAsync("/v1/models/m/snapshot", content);
                Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);

                JsonElement model = await first.GetJsonAsync("/v1/models/m");
                Assert.Equal(2, model.GetProperty("modelVersion").GetInt32());
                Assert.Equal(100, model.GetProperty("sequence").GetInt64());
                versions = await first.GetJsonAsync("/v1/models/m/versions");
                JsonElement[] list = [.. versions.GetProperty("versions").EnumerateArray()];
                Assert.Equal(2, list.Length);
                Assert.Equal("upload", list[1].GetProperty("change").GetString());
                Assert.Equal(15, list[0].GetProperty("lastSequence").GetInt64());
                Assert.True(list[0].GetProperty("restorable").GetBoolean());
            }

            await using EddyApplication second = await EddyApplication.StartAsync(settings);
            Assert.Equal(versions.GetProperty("versions").ToString(), (await second.GetJsonAsync("/v1/models/m/versions")).GetProperty("versions").ToString());
            JsonElement restored = await PostAsync(second, "/v1/models/m/versions/previous/restore", HttpStatusCode.OK);
            Assert.Equal(3, restored.GetProperty("version").GetInt32());
            Assert.Equal(before, (await second.GetJsonAsync("/v1/models/m")).GetProperty("stateChecksum").GetString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task LearnAsync(EddyApplication eddy, int from, int count)
    {
        for (int i = from; i < from + count; i++)
        {
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/m/learn", $$"""{"x": {"a": {{i % 5}}, "b": {{i % 3}}}, "y": {{(i % 5 >= 2 ? "true" : "false")}}}""", HttpStatusCode.OK);
        }
    }

    private static async Task<JsonElement> PatchAsync(EddyApplication eddy, string body, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await eddy.Client.PatchAsync("/v1/models/m", Examples.Json(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"PATCH: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<JsonElement> PostAsync(EddyApplication eddy, string path, HttpStatusCode expected) =>
        PendingPredictionTests.PostAsync(eddy, path, "{}", expected);
}
