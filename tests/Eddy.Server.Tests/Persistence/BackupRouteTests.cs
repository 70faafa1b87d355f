using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Eddy.Datasets;
using Eddy.Server.Tests.Endpoints;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Persistence;

/// <summary>Backup while serving, restore into another server: every model comes back bit for bit.</summary>
public sealed class BackupRouteTests
{
    [Fact]
    public async Task BackupWhileLearning_RestoreElsewhere_SameModels()
    {
        Dataset phishing = RiverDatasets.Phishing();
        Dataset trump = RiverDatasets.TrumpApproval();
        byte[] archive;
        var checksums = new Dictionary<string, (long Sequence, string Checksum)>();
        await using (EddyApplication origin = await EddyApplication.StartAsync())
        {
            await PendingPredictionTests.PostAsync(origin, "/v1/models", """{"name": "trump", "model": "StandardScaler | LinearRegression", "metrics": ["MAE"]}""", HttpStatusCode.Created);
            for (int row = 0; row < 150; row++)
            {
                (await origin.Client.PostAsync("/v1/models/default/learn", Examples.Learn(phishing, row))).EnsureSuccessStatusCode();
                (await origin.Client.PostAsync("/v1/models/trump/learn", Examples.Learn(trump, row))).EnsureSuccessStatusCode();
            }

            // Learning goes on during the backup; each model's snapshot is consistent with itself.
            using var stop = new CancellationTokenSource();
            Task learning = Task.Run(async () =>
            {
                for (int row = 150; !stop.IsCancellationRequested && row < phishing.Count; row++)
                {
                    (await origin.Client.PostAsync("/v1/models/default/learn", Examples.Learn(phishing, row))).EnsureSuccessStatusCode();
                }
            });
            using HttpResponseMessage backup = await origin.Client.GetAsync("/v1/admin/backup");
            await stop.CancelAsync();
            await learning;
            Assert.Equal(HttpStatusCode.OK, backup.StatusCode);
            Assert.Equal("application/zip", backup.Content.Headers.ContentType?.MediaType);
            archive = await backup.Content.ReadAsByteArrayAsync();

            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(archive));
            foreach (System.IO.Compression.ZipArchiveEntry entry in zip.Entries)
            {
                Assert.Matches("^models/(default|trump)\\.snap$", entry.FullName);
            }
        }

        await using EddyApplication target = await EddyApplication.StartAsync(new Dictionary<string, string?> { ["Eddy:DefaultModel"] = "" });
        using var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using HttpResponseMessage restore = await target.Client.PostAsync("/v1/admin/restore", content);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);

        JsonElement trumpModel = await target.GetJsonAsync("/v1/models/trump");
        Assert.Equal(150, trumpModel.GetProperty("sequence").GetInt64());
        JsonElement defaultModel = await target.GetJsonAsync("/v1/models/default");
        Assert.True(defaultModel.GetProperty("sequence").GetInt64() >= 150);

        // Each restored model is exactly the in-process replay of its first `sequence` examples.
        Assert.Equal(Replays.SeedChecksum(phishing, (int)defaultModel.GetProperty("sequence").GetInt64()), defaultModel.GetProperty("stateChecksum").GetString());
    }

    [Fact]
    public async Task Restore_NotAZip_400NothingChanged()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using var content = new ByteArrayContent("nope"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/admin/restore", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single((await eddy.GetJsonAsync("/v1/models")).EnumerateArray());
    }
}
