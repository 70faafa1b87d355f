using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Eddy.Datasets;
using Eddy.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>
/// Bulk ingestion, <c>stream?ack=logged</c>: batches are answered once durable and learned behind the log, in order, to
/// the same state as learning the lines one by one; a restart learns what was logged and not yet learned.
/// </summary>
public sealed class LoggedStreamTests
{
    [Fact]
    public async Task LoggedStream_PhishingTwice_AcknowledgesEveryLineAndLearnsToTheSeedState()
    {
        Dataset phishing = RiverDatasets.Phishing();
        int rows = phishing.Count * 2;
        await using EddyApplication eddy = await EddyApplication.StartAsync();

        JsonElement[] answers = await PostLoggedAsync(eddy.Client, Ndjson(phishing, rows));

        Assert.All(answers, a => Assert.True(a.GetProperty("logged").GetBoolean()));
        Assert.Equal(rows, answers.Sum(a => a.GetProperty("accepted").GetInt32()));
        Assert.Equal(1, answers[0].GetProperty("lines")[0].GetInt64());
        Assert.Equal(rows, answers[^1].GetProperty("lines")[1].GetInt64());
        JsonElement model = await WaitLearnedAsync(eddy.Client, rows);
        Assert.Equal(Replays.SeedChecksum(phishing, rows), model.GetProperty("stateChecksum").GetString());
        Assert.Equal(0, model.GetProperty("backlog").GetInt64());
    }

    [Fact]
    public async Task LoggedStream_BadLines_ErrorLinesNameThemAndOnlyGoodLinesAreLearned()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        string ndjson = string.Join('\n',
            """{"x": {"a": 1}, "y": 1}""",
            """{"x": {"a": 1}}""",
            "not json",
            """{"x": {"a": 2}, "y": "wrong"}""",
            """{"x": {"a": "red"}, "y": 1}""",
            """{"id": "p1", "y": 1}""",
            """{"x": {"a": 3}, "y": 0}""") + "\n";

        JsonElement[] answers = await PostLoggedAsync(eddy.Client, ndjson);

        JsonElement[] errors = [.. answers.Where(a => a.TryGetProperty("error", out _))];
        Assert.Equal([2L, 3, 4, 5, 6], errors.Select(e => e.GetProperty("line").GetInt64()));
        Assert.Equal("urn:eddy:problem:malformed-json", errors[1].GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("urn:eddy:problem:invalid-label", errors[2].GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("urn:eddy:problem:invalid-feature", errors[3].GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(2, answers.Where(a => a.TryGetProperty("accepted", out _)).Sum(a => a.GetProperty("accepted").GetInt32()));
        JsonElement model = await WaitLearnedAsync(eddy.Client, 2);
        Assert.Equal(2, model.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task LoggedStream_LineOverTheLimitAndCrLf_LongLineRefusedOthersLearned()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync(new Dictionary<string, string?> { ["Eddy:MaxBodyBytes"] = "64" });
        string longLine = "{\"x\": {\"" + new string('a', 80) + "\": 1}, \"y\": 1}";
        string ndjson = "{\"x\": {\"a\": 1}, \"y\": 1}\r\n" + longLine + "\n{\"x\": {\"a\": 2}, \"y\": 0}";

        JsonElement[] answers = await PostLoggedAsync(eddy.Client, ndjson);

        JsonElement error = Assert.Single(answers, a => a.TryGetProperty("error", out _));
        Assert.Equal(2, error.GetProperty("line").GetInt64());
        Assert.Equal("urn:eddy:problem:body-too-large", error.GetProperty("error").GetProperty("type").GetString());
        await WaitLearnedAsync(eddy.Client, 2);
    }

    [Fact]
    public async Task LogBatch_ModelStopped_AnsweredShuttingDownNotLeftWaiting()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        Assert.True(eddy.Services.GetRequiredService<Eddy.Server.Hosting.ModelRegistry>().TryGet("default", out Eddy.Server.Hosting.ModelHost? host));
        await host.DisposeAsync();
        var encoder = new Eddy.Server.Persistence.BatchRecords.Encoder("default");
        var raw = new Eddy.Server.Json.RawExample();
        raw.SetNumber("a", 1);
        encoder.Add(raw, Eddy.Base.Label.True, 1);

        Eddy.Server.Hosting.LoggedBatch batch = encoder.Take()!;

        Eddy.Server.Hosting.LearnOutcome outcome = await host.LogBatchAsync(batch).WaitAsync(TimeSpan.FromSeconds(10));

        // The stream answers from the batch itself: it must be completed too, or the request would wait forever.
        Assert.Equal(Eddy.Server.Problems.ProblemKind.ShuttingDown, outcome.Problem);
        Assert.True(batch.Logged.Task.IsCompleted);
        Assert.Equal(outcome, await batch.Logged.Task);
        Assert.Equal(0, host.Backlog);
    }

    [Fact]
    public async Task LoggedStream_UnknownAck_Is400ProblemAndLearnsNothing()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using var content = new StringContent("""{"x": {"a": 1}, "y": 1}""" + "\n", Encoding.UTF8, "application/x-ndjson");
        using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models/default/stream?ack=never", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement model = await eddy.Client.GetFromJsonAsync<JsonElement>("/v1/models/default");
        Assert.Equal(0, model.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task LoggedStream_Restart_RecoversTheLoggedExamplesToTheSameState()
    {
        Dataset phishing = RiverDatasets.Phishing();
        string data = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = data };
        try
        {
            string checksum;
            await using (EddyApplication first = await EddyApplication.StartAsync(settings))
            {
                await PostLoggedAsync(first.Client, Ndjson(phishing, 700));
                checksum = (await WaitLearnedAsync(first.Client, 700)).GetProperty("stateChecksum").GetString()!;
                await PostLoggedAsync(first.Client, Ndjson(phishing, 500, start: 700));
            }

            await using EddyApplication second = await EddyApplication.StartAsync(settings);
            JsonElement model = await WaitLearnedAsync(second.Client, 1200);
            Assert.Equal(Replays.SeedChecksum(phishing, 1200), model.GetProperty("stateChecksum").GetString());
            Assert.Equal(Replays.SeedChecksum(phishing, 700), checksum);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    internal static string Ndjson(Dataset data, int rows, int start = 0)
    {
        var text = new StringBuilder();
        for (int row = start; row < start + rows; row++)
        {
            int at = row % data.Count;
            text.Append("{\"x\":").Append(Examples.Features(data, at)).Append(",\"y\":").Append(Examples.Label(data.Target(at))).Append("}\n");
        }

        return text.ToString();
    }

    internal static async Task<JsonElement[]> PostLoggedAsync(HttpClient client, string ndjson, string model = "default")
    {
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using HttpResponseMessage response = await client.PostAsync($"/v1/models/{model}/stream?ack=logged", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    /// <summary>Polls the model until it has learned <paramref name="sequence"/> examples (bounded), and returns it.</summary>
    internal static async Task<JsonElement> WaitLearnedAsync(HttpClient client, long sequence, string name = "default")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            JsonElement model = await client.GetFromJsonAsync<JsonElement>($"/v1/models/{name}");
            if (model.GetProperty("publishedSequence").GetInt64() >= sequence || DateTime.UtcNow > deadline)
            {
                Assert.Equal(sequence, model.GetProperty("publishedSequence").GetInt64());
                return model;
            }

            await Task.Delay(20);
        }
    }
}
