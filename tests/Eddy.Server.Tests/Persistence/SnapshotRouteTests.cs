using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Eddy.Datasets;
using Eddy.Server.Tests.Endpoints;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Persistence;

/// <summary>Download a model from one server, upload it to another: same model, same answers, and it keeps learning.</summary>
public sealed class SnapshotRouteTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "eddy-upload", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task DownloadThenUpload_OtherServer_SameStateKeepsLearningAndSurvivesRestart()
    {
        Dataset phishing = RiverDatasets.Phishing();
        byte[] snapshot;
        JsonElement source;
        await using (EddyApplication origin = await EddyApplication.StartAsync())
        {
            for (int row = 0; row < 200; row++)
            {
                (await origin.Client.PostAsync("/v1/models/default/learn", Examples.Learn(phishing, row))).EnsureSuccessStatusCode();
            }

            using HttpResponseMessage download = await origin.Client.GetAsync("/v1/models/default/snapshot");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/vnd.eddy.snapshot", download.Content.Headers.ContentType?.MediaType);
            snapshot = await download.Content.ReadAsByteArrayAsync();
            source = await origin.GetJsonAsync("/v1/models/default");
        }

        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = _data };
        await using (EddyApplication target = await EddyApplication.StartAsync(settings))
        {
            JsonElement uploaded = await UploadAsync(target, "warm", snapshot, HttpStatusCode.OK);
            Assert.Equal(200, uploaded.GetProperty("sequence").GetInt64());
            Assert.Equal(source.GetProperty("stateChecksum").GetString(), uploaded.GetProperty("stateChecksum").GetString());
            Assert.Equal(source.GetProperty("metrics").GetProperty("global").GetRawText(), uploaded.GetProperty("metrics").GetProperty("global").GetRawText());

            JsonElement next = await PendingPredictionTests.PostAsync(target, "/v1/models/warm/learn", await Examples.Learn(phishing, 200).ReadAsStringAsync(), HttpStatusCode.OK);
            Assert.Equal(201, next.GetProperty("sequence").GetInt64());
            source = await target.GetJsonAsync("/v1/models/warm");
        }

        // The upload and the learn after it are in the log: a restart brings the warm model back as it was.
        await using EddyApplication restarted = await EddyApplication.StartAsync(settings);
        JsonElement recovered = await restarted.GetJsonAsync("/v1/models/warm");
        Assert.Equal(201, recovered.GetProperty("sequence").GetInt64());
        Assert.Equal(source.GetProperty("stateChecksum").GetString(), recovered.GetProperty("stateChecksum").GetString());
    }

    [Fact]
    public async Task OfflineTraining_Upload_ServesTheTrainedModelWithRiversMetric()
    {
        Dataset phishing = RiverDatasets.Phishing();
        byte[] snapshot = Eddy.Server.Persistence.OfflineTraining.Train("ignored", Eddy.Specs.ModelSpec.FromExpression("StandardScaler | LogisticRegression", ["ROCAUC"]), phishing);

        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement uploaded = await UploadAsync(eddy, "phishing", snapshot, HttpStatusCode.OK);
        Assert.Equal(phishing.Count, uploaded.GetProperty("sequence").GetInt64());
        Assert.Equal(0.9506961340902946, uploaded.GetProperty("metrics").GetProperty("global").GetProperty("ROCAUC").GetDouble());
        Assert.Equal(Replays.SeedChecksum(phishing, phishing.Count), uploaded.GetProperty("stateChecksum").GetString());

        JsonElement next = await PendingPredictionTests.PostAsync(eddy, "/v1/models/phishing/learn", await Examples.Learn(phishing, 0).ReadAsStringAsync(), HttpStatusCode.OK);
        Assert.Equal(phishing.Count + 1, next.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Upload_DamagedSnapshot_400AndNothingCreated()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage download = await eddy.Client.GetAsync("/v1/models/default/snapshot");
        byte[] snapshot = await download.Content.ReadAsByteArrayAsync();

        byte[] corrupt = (byte[])snapshot.Clone();
        corrupt[^5] ^= 0xFF;
        JsonElement problem = await UploadAsync(eddy, "x", corrupt, HttpStatusCode.BadRequest);
        Assert.Equal("urn:eddy:problem:invalid-snapshot", problem.GetProperty("type").GetString());
        await UploadAsync(eddy, "x", snapshot[..^1], HttpStatusCode.BadRequest);
        await UploadAsync(eddy, "x", "not a snapshot"u8.ToArray(), HttpStatusCode.BadRequest);
        Assert.Single((await eddy.GetJsonAsync("/v1/models")).EnumerateArray());
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static async Task<JsonElement> UploadAsync(EddyApplication eddy, string name, byte[] snapshot, HttpStatusCode expected)
    {
        using var content = new ByteArrayContent(snapshot);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.eddy.snapshot");
        using HttpResponseMessage response = await eddy.Client.PutAsync($"/v1/models/{name}/snapshot", content);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Upload: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
