using System.Net;
using System.Text.Json;
using Eddy.Datasets;
using Eddy.Server.Persistence;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Persistence;

/// <summary>
/// The seed's online-inference service loads its model before the first request from a path in the environment;
/// <c>EDDY_MODEL</c> / <c>Eddy:Model</c> does that with a snapshot file or URL.
/// </summary>
public sealed class StartupModelTests
{
    private static readonly Dataset s_phishing = RiverDatasets.Phishing();

    [Fact]
    public async Task Start_ModelFile_ServesTheSnapshotBitForBit()
    {
        await using EddyApplication source = await TrainedAsync(30);
        string file = await DownloadAsync(source);
        try
        {
            await using EddyApplication loaded = await EddyApplication.StartAsync(new Dictionary<string, string?>
            {
                ["Eddy:Model"] = file,
                ["Eddy:DefaultModel"] = "",
            });

            JsonElement model = await loaded.GetJsonAsync("/v1/models/default");
            Assert.Equal(30, model.GetProperty("sequence").GetInt64());
            Assert.Equal(await ChecksumAsync(source, "default"), model.GetProperty("stateChecksum").GetString());
            Assert.Equal("ready", (await loaded.GetJsonAsync("/readyz")).GetProperty("status").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Start_AnotherEddysSnapshotUrl_LoadsItUnderTheGivenName()
    {
        await using EddyApplication source = await TrainedAsync(12);
        await using EddyApplication loaded = await EddyApplication.StartAsync(new Dictionary<string, string?>
        {
            ["Eddy:Model"] = new Uri(source.Address, "/v1/models/default/snapshot").ToString(),
            ["Eddy:ModelName"] = "copy",
        });

        Assert.Equal(await ChecksumAsync(source, "default"), await ChecksumAsync(loaded, "copy"));
        Assert.Equal(12, (await loaded.GetJsonAsync("/v1/models/copy")).GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Restart_SameDataDirectory_KeepsWhatTheModelLearnedUnlessReplaceIsAsked()
    {
        await using EddyApplication source = await TrainedAsync(10);
        string file = await DownloadAsync(source);
        string directory = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Eddy:Model"] = file, ["Eddy:DefaultModel"] = "", ["Eddy:DataDirectory"] = directory };
        try
        {
            await using (EddyApplication first = await EddyApplication.StartAsync(settings))
            {
                await LearnAsync(first, 10, 15);
            }

            await using (EddyApplication kept = await EddyApplication.StartAsync(settings))
            {
                Assert.Equal(15, (await kept.GetJsonAsync("/v1/models/default")).GetProperty("sequence").GetInt64());
            }

            settings["Eddy:ModelLoad"] = "Replace";
            await using EddyApplication replaced = await EddyApplication.StartAsync(settings);
            Assert.Equal(10, (await replaced.GetJsonAsync("/v1/models/default")).GetProperty("sequence").GetInt64());
        }
        finally
        {
            File.Delete(file);
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("missing", "There is no model file at")]
    [InlineData("corrupt", "cannot be loaded")]
    [InlineData("unreachable", "cannot be reached")]
    [InlineData("not-found", "answered 404")]
    public async Task Start_BadModel_RefusesToStartWithAClearMessage(string kind, string message)
    {
        await using EddyApplication other = await EddyApplication.StartAsync();
        string directory = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        string corrupt = Path.Combine(directory, "corrupt.eddy");
        await File.WriteAllBytesAsync(corrupt, [.. "EDDYMODL"u8, 1, 2, 3, 4, 5]);
        string model = kind switch
        {
            "missing" => Path.Combine(directory, "missing.eddy"),
            "corrupt" => corrupt,
            "unreachable" => "http://127.0.0.1:1/model.eddy",
            _ => new Uri(other.Address, "/v1/models/nope/snapshot").ToString(),
        };
        try
        {
            ModelLoadException error = await Assert.ThrowsAsync<ModelLoadException>(() => EddyApplication.StartAsync(new Dictionary<string, string?>
            {
                ["Eddy:Model"] = model,
                ["Eddy:DataDirectory"] = Path.Combine(directory, "data"),
            }));

            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<EddyApplication> TrainedAsync(int learns)
    {
        EddyApplication eddy = await EddyApplication.StartAsync();
        await LearnAsync(eddy, 0, learns);
        return eddy;
    }

    private static async Task LearnAsync(EddyApplication eddy, int from, int to)
    {
        for (int row = from; row < to; row++)
        {
            using HttpResponseMessage learned = await eddy.Client.PostAsync("/v1/models/default/learn", Examples.Learn(s_phishing, row));
            Assert.Equal(HttpStatusCode.OK, learned.StatusCode);
        }
    }

    private static async Task<string> DownloadAsync(EddyApplication eddy)
    {
        string file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, await eddy.Client.GetByteArrayAsync("/v1/models/default/snapshot"));
        return file;
    }

    private static async Task<string?> ChecksumAsync(EddyApplication eddy, string model) =>
        (await eddy.GetJsonAsync($"/v1/models/{model}")).GetProperty("stateChecksum").GetString();
}
