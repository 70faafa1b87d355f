using System.Net;
using System.Text.Json;
using Eddy.Datasets;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>Watching a model learn: <c>/v1/models/{name}/events</c> (SSE) and <c>/history</c>.</summary>
public sealed class EventEndpointsTests
{
    private static readonly Dataset s_phishing = RiverDatasets.Phishing();

    [Fact]
    public async Task Events_WhileLearning_StreamsProgressWithTheServedMetrics()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models/default/events");
        using HttpResponseMessage response = await eddy.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        (string type, JsonElement first) = await NextEventAsync(reader, timeout.Token);
        Assert.Equal("learn", type);
        Assert.Equal(0, first.GetProperty("sequence").GetInt64());

        await LearnAsync(eddy, 3);
        JsonElement last;
        do
        {
            (type, last) = await NextEventAsync(reader, timeout.Token);
        }
        while (type != "learn" || last.GetProperty("sequence").GetInt64() < 3);

        JsonElement served = await eddy.GetJsonAsync("/v1/models/default/metrics");
        Assert.Equal(3, last.GetProperty("sequence").GetInt64());
        double accuracy = last.GetProperty("metrics").GetProperty("Accuracy").GetProperty("global").GetDouble();
        Assert.Equal(served.GetProperty("global").GetProperty("Accuracy").GetDouble(), accuracy);
    }

    [Fact]
    public async Task Events_ModelDeleted_StreamEnds()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, "/v1/models/default/events"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await NextEventAsync(reader, timeout.Token);

        using HttpResponseMessage deleted = await eddy.Client.DeleteAsync("/v1/models/default");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        string? rest = await reader.ReadToEndAsync(timeout.Token);
        Assert.DoesNotContain("event:", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_AfterLearnsAndASnapshot_HasTheCurveAndTheSnapshotEvent()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await LearnAsync(eddy, 5);
        using (HttpResponseMessage snapshot = await eddy.Client.GetAsync("/v1/models/default/snapshot"))
        {
            Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
        }

        JsonElement history = await eddy.GetJsonAsync("/v1/models/default/history");

        long[] sequences = [.. history.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("sequence").GetInt64())];
        Assert.Equal([1L, 2, 3, 4, 5], sequences);
        JsonElement lastPoint = history.GetProperty("points")[4];
        JsonElement served = await eddy.GetJsonAsync("/v1/models/default/metrics");
        Assert.Equal(
            served.GetProperty("rolling").GetProperty("LogLoss").GetDouble(),
            lastPoint.GetProperty("metrics").GetProperty("LogLoss").GetProperty("rolling").GetDouble());
        JsonElement snapshotEvent = Assert.Single(history.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "snapshot");
        Assert.Equal(5, snapshotEvent.GetProperty("data").GetProperty("sequence").GetInt64());
    }

    [Theory]
    [InlineData("/v1/models/nope/events")]
    [InlineData("/v1/models/nope/history")]
    public async Task UnknownModel_404ProblemJson(string path)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task LearnAsync(EddyApplication eddy, int count)
    {
        for (int row = 0; row < count; row++)
        {
            using HttpResponseMessage learned = await eddy.Client.PostAsync("/v1/models/default/learn", Examples.Learn(s_phishing, row));
            Assert.Equal(HttpStatusCode.OK, learned.StatusCode);
        }
    }

    /// <summary>Reads one SSE event (skipping keep-alive comments): its name and its JSON data.</summary>
    private static async Task<(string Type, JsonElement Data)> NextEventAsync(StreamReader reader, CancellationToken cancellation)
    {
        string type = "message";
        string? data = null;
        while (true)
        {
            string line = await reader.ReadLineAsync(cancellation) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return (type, JsonDocument.Parse(data).RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
    }
}
