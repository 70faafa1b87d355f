using System.Net;
using System.Text.Json;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Server.Tests.Endpoints;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Persistence;

/// <summary>Anomaly learns (with and without feedback) come back from the log, and from snapshots, bit for bit.</summary>
public sealed class AnomalyRecoveryTests : IDisposable
{
    private const string Spec = "MinMaxScaler | HalfSpaceTrees(n_trees=5, height=4, window_size=20, seed=42)";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "eddy-anomaly-recovery", Guid.NewGuid().ToString("n"));

    [Theory]
    [InlineData(null)]
    [InlineData("40")]
    public async Task Restart_StateMetricsAndNextScoreIdentical(string? snapshotEvery)
    {
        Dataset phishing = RiverDatasets.Phishing();
        JsonElement before;
        JsonElement nextBefore;
        await using (EddyApplication eddy = await StartAsync(snapshotEvery))
        {
            await AnomalyEndpointsTests.CreateAsync(eddy, "fraud", Spec);
            for (int row = 0; row < 100; row++)
            {
                await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/learn", Body(phishing, row), HttpStatusCode.OK);
            }

            before = await eddy.GetJsonAsync("/v1/models/fraud");
            nextBefore = await PendingPredictionTests.PostAsync(eddy, "/v1/models/fraud/score", $$"""{"x": {{Examples.Features(phishing, 100)}}}""", HttpStatusCode.OK);
        }

        await using EddyApplication restarted = await StartAsync(snapshotEvery);
        JsonElement after = await restarted.GetJsonAsync("/v1/models/fraud");
        Assert.Equal("anomaly", after.GetProperty("kind").GetString());
        Assert.Equal(100, after.GetProperty("sequence").GetInt64());
        Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
        Assert.Equal(before.GetProperty("metrics").GetRawText(), after.GetProperty("metrics").GetRawText());
        Assert.Equal(before.GetProperty("spec").GetRawText(), after.GetProperty("spec").GetRawText());

        JsonElement learned = await PendingPredictionTests.PostAsync(restarted, "/v1/models/fraud/learn", Body(phishing, 100), HttpStatusCode.OK);
        Assert.Equal(101, learned.GetProperty("sequence").GetInt64());
        Assert.Equal(nextBefore.GetProperty("score").GetDouble(), learned.GetProperty("score").GetDouble());
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>Every other example carries feedback, so the log holds both kinds of anomaly learn.</summary>
    private static string Body(Dataset data, int row)
    {
        string feedback = row % 2 == 0 ? $", \"label\": {(data.Target(row) == Label.True ? "true" : "false")}" : "";
        return $$"""{"x": {{Examples.Features(data, row)}}{{feedback}}}""";
    }

    private Task<EddyApplication> StartAsync(string? snapshotEvery)
    {
        var settings = new Dictionary<string, string?> { ["Eddy:DataDirectory"] = _data };
        if (snapshotEvery is not null)
        {
            settings["Eddy:SnapshotEvery"] = snapshotEvery;
        }

        return EddyApplication.StartAsync(settings);
    }
}
