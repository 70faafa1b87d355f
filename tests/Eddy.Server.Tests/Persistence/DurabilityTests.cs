using System.Globalization;
using System.Net;
using System.Text.Json;
using Eddy.Datasets;
using Eddy.Server.Tests.Endpoints;
using Eddy.Server.Tests.Support;
using Eddy.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Eddy.Server.Tests.Persistence;

/// <summary>Restarts over the same data directory: models, specs, metrics and state come back exactly.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "eddy-durability", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task Restart_ModelsSpecsMetricsAndStateComeBack()
    {
        Dataset trump = RiverDatasets.TrumpApproval();
        Dataset phishing = RiverDatasets.Phishing();
        JsonElement trumpBefore;
        JsonElement defaultBefore;
        await using (EddyApplication eddy = await StartAsync())
        {
            await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "trump", "model": "StandardScaler | LinearRegression", "metrics": ["MAE"], "publication": {"every": 7}}""", HttpStatusCode.Created);
            await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "tmp", "model": "LogisticRegression"}""", HttpStatusCode.Created);
            await LearnAsync(eddy, "trump", trump, 294);   // a multiple of 7: everything learned is published
            await LearnAsync(eddy, "default", phishing, 100);
            using (HttpResponseMessage deleted = await eddy.Client.DeleteAsync("/v1/models/tmp"))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            trumpBefore = await eddy.GetJsonAsync("/v1/models/trump");
            defaultBefore = await eddy.GetJsonAsync("/v1/models/default");
        }

        await using EddyApplication restarted = await StartAsync();
        JsonElement[] models = [.. (await restarted.GetJsonAsync("/v1/models")).EnumerateArray()];
        Assert.Equal(["default", "trump"], models.Select(m => m.GetProperty("name").GetString()));
        AssertSameModel(trumpBefore, await restarted.GetJsonAsync("/v1/models/trump"));
        AssertSameModel(defaultBefore, await restarted.GetJsonAsync("/v1/models/default"));
        Assert.Equal("every 7 learns", (await restarted.GetJsonAsync("/v1/models/trump")).GetProperty("publication").GetString());

        JsonElement next = await PendingPredictionTests.PostAsync(restarted, "/v1/models/trump/learn", await Examples.Learn(trump, 294).ReadAsStringAsync(), HttpStatusCode.OK);
        Assert.Equal(295, next.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Reconfigure_PublicationPolicy_AppliedInOrderAndSurvivesRestart()
    {
        await using (EddyApplication eddy = await StartAsync())
        {
            using (HttpResponseMessage response = await eddy.Client.PutAsync("/v1/models/default/publication", Examples.Json("""{"every": 5}""")))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            for (int i = 0; i < 3; i++)
            {
                await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/learn", """{"x": {"a": 1}, "y": 1}""", HttpStatusCode.OK);
            }

            JsonElement lagging = await eddy.GetJsonAsync("/v1/models/default");
            Assert.Equal("every 5 learns", lagging.GetProperty("publication").GetString());
            Assert.Equal(3, lagging.GetProperty("sequence").GetInt64());
            Assert.Equal(0, lagging.GetProperty("publishedSequence").GetInt64());

            using HttpResponseMessage bad = await eddy.Client.PutAsync("/v1/models/default/publication", Examples.Json("""{"every": 0}"""));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        await using EddyApplication restarted = await StartAsync();
        JsonElement model = await restarted.GetJsonAsync("/v1/models/default");
        Assert.Equal("every 5 learns", model.GetProperty("publication").GetString());
        Assert.Equal(3, model.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Snapshots_EveryHundredLearns_RecoveryFromSnapshotAndLogIsExact()
    {
        Dataset phishing = RiverDatasets.Phishing();
        JsonElement before;
        await using (EddyApplication eddy = await StartAsync(("Eddy:SnapshotEvery", "100")))
        {
            await LearnAsync(eddy, "default", phishing, 250);
            before = await eddy.GetJsonAsync("/v1/models/default");
        }

        string[] snapshots = Directory.GetFiles(StorageLayout.SnapshotDirectory(_data, "default"));
        Assert.Equal(2, snapshots.Length);

        await using EddyApplication restarted = await StartAsync(("Eddy:SnapshotEvery", "100"));
        AssertSameModel(before, await restarted.GetJsonAsync("/v1/models/default"));
    }

    /// <summary>
    /// A cadence snapshot is written off the writer: while its file's fsync is held, learns go on being acknowledged
    /// and no second snapshot starts; once released, the snapshot is on disk, covers exactly the learns before it, and
    /// recovery from it and the log is exact.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task CadenceSnapshot_WrittenInTheBackground_LearnsGoOnMeanwhile()
    {
        Dataset phishing = RiverDatasets.Phishing();
        using var gate = new ManualResetEventSlim(false);
        var disk = new FailingFileSystem { SnapshotSyncGate = gate };
        string directory = StorageLayout.SnapshotDirectory(_data, "default");
        EddyApplication eddy = await StartOnAsync(disk, snapshotEvery: 100);
        await LearnAsync(eddy, "default", phishing, 100);
        await WaitForHeldSnapshotAsync(disk);

        for (int row = 100; row < 250; row++)
        {
            using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models/default/learn", Examples.Learn(phishing, row));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, disk.SnapshotSyncsWaiting);
        Assert.Empty(Directory.GetFiles(directory, "*" + StorageLayout.SnapshotExtension));
        JsonElement before = await eddy.GetJsonAsync("/v1/models/default");

        // Stopping waits for the snapshot being written.
        Task stopping = eddy.DisposeAsync().AsTask();
        await Task.WhenAny(stopping, Task.Delay(300, TestContext.Current.CancellationToken));
        Assert.False(stopping.IsCompleted, "stopping did not wait for the snapshot being written");
        gate.Set();
        await stopping;

        string snapshot = Assert.Single(Directory.GetFiles(directory, "*" + StorageLayout.SnapshotExtension));
        Assert.Equal(StorageLayout.SnapshotFileName(100), Path.GetFileName(snapshot));
        await using EddyApplication restarted = await StartAsync();
        AssertSameModel(before, await restarted.GetJsonAsync("/v1/models/default"));
    }

    /// <summary>
    /// Deleting a model while its cadence snapshot is being written waits for that write, so the snapshot cannot land
    /// after the model's snapshots were removed: nothing of the model is left on disk or after a restart.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task CadenceSnapshotBeingWritten_ModelDeleted_NothingOfItIsLeft()
    {
        Dataset phishing = RiverDatasets.Phishing();
        using var gate = new ManualResetEventSlim(false);
        var disk = new FailingFileSystem { SnapshotSyncGate = gate };
        await using (EddyApplication eddy = await StartOnAsync(disk, snapshotEvery: 20))
        {
            await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "tmp", "model": "LogisticRegression"}""", HttpStatusCode.Created);
            await LearnAsync(eddy, "tmp", phishing, 20);
            await WaitForHeldSnapshotAsync(disk);

            Task<HttpResponseMessage> deleting = eddy.Client.DeleteAsync("/v1/models/tmp", TestContext.Current.CancellationToken);
            await Task.WhenAny(deleting, Task.Delay(300, TestContext.Current.CancellationToken));
            Assert.False(deleting.IsCompleted, "the delete did not wait for the snapshot being written");
            gate.Set();
            using HttpResponseMessage deleted = await deleting;
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.False(Directory.Exists(StorageLayout.SnapshotDirectory(_data, "tmp")));
        }

        Assert.False(Directory.Exists(StorageLayout.SnapshotDirectory(_data, "tmp")));
        await using EddyApplication restarted = await StartAsync();
        JsonElement[] models = [.. (await restarted.GetJsonAsync("/v1/models")).EnumerateArray()];
        Assert.Equal(["default"], models.Select(m => m.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("corrupt")]
    [InlineData("future-version")]
    [InlineData("truncated")]
    public async Task NewestSnapshotUnreadable_PreviousSnapshotAndLogUsed(string damage)
    {
        Dataset phishing = RiverDatasets.Phishing();
        JsonElement before;
        await using (EddyApplication eddy = await StartAsync(("Eddy:SnapshotEvery", "100")))
        {
            await LearnAsync(eddy, "default", phishing, 250);
            before = await eddy.GetJsonAsync("/v1/models/default");
        }

        string newest = Directory.GetFiles(StorageLayout.SnapshotDirectory(_data, "default")).Order(StringComparer.Ordinal).Last();
        byte[] bytes = await File.ReadAllBytesAsync(newest);
        switch (damage)
        {
            case "corrupt":
                bytes[bytes.Length / 2] ^= 0x5A;
                break;
            case "future-version":
                bytes[8] = 99;
                break;
            default:
                Array.Resize(ref bytes, bytes.Length - 10);
                break;
        }

        await File.WriteAllBytesAsync(newest, bytes);
        await using EddyApplication restarted = await StartAsync(("Eddy:SnapshotEvery", "100"));
        AssertSameModel(before, await restarted.GetJsonAsync("/v1/models/default"));
    }

    [Fact]
    public async Task FsyncFails_Learns503PredictionsStillServedNothingAcknowledgedLost()
    {
        Dataset phishing = RiverDatasets.Phishing();
        var disk = new FailingFileSystem();
        JsonElement acknowledged;
        await using (EddyApplication eddy = await EddyApplication.StartAsync(
            new Dictionary<string, string?> { ["Eddy:DataDirectory"] = _data },
            services => services.AddSingleton<IStorageFileSystem>(disk)))
        {
            await LearnAsync(eddy, "default", phishing, 50);
            acknowledged = await eddy.GetJsonAsync("/v1/models/default");

            disk.FailSyncs = true;
            JsonElement problem = await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/learn", await Examples.Learn(phishing, 50).ReadAsStringAsync(), HttpStatusCode.ServiceUnavailable);
            Assert.Equal("urn:eddy:problem:storage-unavailable", problem.GetProperty("type").GetString());
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/learn", await Examples.Learn(phishing, 51).ReadAsStringAsync(), HttpStatusCode.ServiceUnavailable);

            // Reads go on from the last durable replica.
            JsonElement predicted = await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/predict", await Examples.Predict(phishing, 0).ReadAsStringAsync(), HttpStatusCode.OK);
            Assert.Equal(50, predicted.GetProperty("sequence").GetInt64());
            AssertSameModel(acknowledged, await eddy.GetJsonAsync("/v1/models/default"));
        }

        // The refused learn's record may have reached the file before its fsync failed: it may come back (it was
        // never acknowledged), and the model is then exactly the one that learned it too.
        await using EddyApplication restarted = await StartAsync();
        JsonElement recovered = await restarted.GetJsonAsync("/v1/models/default");
        long sequence = recovered.GetProperty("sequence").GetInt64();
        Assert.InRange(sequence, 50, 51);
        Assert.Equal(Replays.SeedChecksum(phishing, (int)sequence), recovered.GetProperty("stateChecksum").GetString());
    }
    [Fact]
    public async Task FsyncFails_DuringLoggedStream_BatchesRefused503NothingAcknowledgedLost()
    {
        Dataset phishing = RiverDatasets.Phishing();
        var disk = new FailingFileSystem();
        long acknowledged;
        await using (EddyApplication eddy = await EddyApplication.StartAsync(
            new Dictionary<string, string?> { ["Eddy:DataDirectory"] = _data },
            services => services.AddSingleton<IStorageFileSystem>(disk)))
        {
            JsonElement[] first = await Endpoints.LoggedStreamTests.PostLoggedAsync(eddy.Client, Endpoints.LoggedStreamTests.Ndjson(phishing, 300));
            acknowledged = first.Sum(a => a.GetProperty("accepted").GetInt32());
            Assert.Equal(300, acknowledged);

            disk.FailSyncs = true;
            JsonElement[] refused = await Endpoints.LoggedStreamTests.PostLoggedAsync(eddy.Client, Endpoints.LoggedStreamTests.Ndjson(phishing, 200, start: 300));
            Assert.NotEmpty(refused);
            Assert.All(refused, a => Assert.Equal("urn:eddy:problem:storage-unavailable", a.GetProperty("error").GetProperty("type").GetString()));
            Assert.Equal(200, refused[^1].GetProperty("lines")[1].GetInt64());

            // The single-learn route refuses as well; predictions keep reading the last durable replica.
            await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/learn", await Examples.Learn(phishing, 500).ReadAsStringAsync(), HttpStatusCode.ServiceUnavailable);
            JsonElement predicted = await PendingPredictionTests.PostAsync(eddy, "/v1/models/default/predict", await Examples.Predict(phishing, 0).ReadAsStringAsync(), HttpStatusCode.OK);
            Assert.InRange(predicted.GetProperty("sequence").GetInt64(), 300, 300);
        }

        // Refused batches were never acknowledged; whatever of them reached the file may come back, in order.
        await using EddyApplication restarted = await StartAsync();
        JsonElement recovered = await restarted.GetJsonAsync("/v1/models/default");
        long sequence = recovered.GetProperty("sequence").GetInt64();
        Assert.InRange(sequence, acknowledged, 500);
        Assert.Equal(Replays.SeedChecksum(phishing, (int)sequence), recovered.GetProperty("stateChecksum").GetString());
    }

    /// <summary>
    /// A slow disk (5 ms per fsync) puts the log in its gathering mode and the writer in its unbounded pipeline:
    /// concurrent learns are all acknowledged, each exactly once, and the model that answered them is the one recovered.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task SlowDisk_ConcurrentLearns_AllAcknowledgedAndRecoveredIdentically()
    {
        const int Clients = 16;
        const int PerClient = 25;
        Dataset phishing = RiverDatasets.Phishing();
        var disk = new FailingFileSystem { SyncDelay = TimeSpan.FromMilliseconds(5) };
        JsonElement before;
        await using (EddyApplication eddy = await EddyApplication.StartAsync(
            new Dictionary<string, string?> { ["Eddy:DataDirectory"] = _data },
            services => services.AddSingleton<IStorageFileSystem>(disk)))
        {
            var clients = new Task[Clients];
            for (int c = 0; c < Clients; c++)
            {
                int client = c;
                clients[c] = Task.Run(async () =>
                {
                    for (int i = 0; i < PerClient; i++)
                    {
                        using HttpResponseMessage response = await eddy.Client.PostAsync(
                            "/v1/models/default/learn", Examples.Learn(phishing, client * PerClient + i), TestContext.Current.CancellationToken);
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    }
                }, TestContext.Current.CancellationToken);
            }

            await Task.WhenAll(clients);
            before = await eddy.GetJsonAsync("/v1/models/default");
            Assert.Equal(Clients * PerClient, before.GetProperty("sequence").GetInt64());
        }

        await using EddyApplication restarted = await StartAsync();
        AssertSameModel(before, await restarted.GetJsonAsync("/v1/models/default"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Task<EddyApplication> StartAsync(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = _data };
        foreach ((string key, string value) in settings)
        {
            all[key] = value;
        }

        return EddyApplication.StartAsync(all);
    }

    private Task<EddyApplication> StartOnAsync(FailingFileSystem disk, int snapshotEvery) => EddyApplication.StartAsync(
        new Dictionary<string, string?> { ["Eddy:DataDirectory"] = _data, ["Eddy:SnapshotEvery"] = snapshotEvery.ToString(CultureInfo.InvariantCulture) },
        services => services.AddSingleton<IStorageFileSystem>(disk));

    /// <summary>Until a snapshot's fsync waits at the disk's gate.</summary>
    private static async Task WaitForHeldSnapshotAsync(FailingFileSystem disk)
    {
        while (disk.SnapshotSyncsWaiting == 0)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    private static void AssertSameModel(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.GetProperty("sequence").GetInt64(), actual.GetProperty("sequence").GetInt64());
        Assert.Equal(expected.GetProperty("stateChecksum").GetString(), actual.GetProperty("stateChecksum").GetString());
        Assert.Equal(expected.GetProperty("metrics").GetRawText(), actual.GetProperty("metrics").GetRawText());
        Assert.Equal(expected.GetProperty("spec").GetRawText(), actual.GetProperty("spec").GetRawText());
    }

    private static async Task LearnAsync(EddyApplication eddy, string model, Dataset data, int rows)
    {
        for (int row = 0; row < rows; row++)
        {
            using HttpResponseMessage response = await eddy.Client.PostAsync($"/v1/models/{model}/learn", Examples.Learn(data, row));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
