using System.Globalization;
using System.Net;
using Eddy.Datasets;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>What an operator scrapes at <c>/metrics</c>: per-model learning and serving, the log, request durations.</summary>
/// <remarks>
/// Alone: a meter listener sees every meter of the same name in the process, and of instruments without tags (the
/// log's counters) with the same name only one is exported, which may be another server's.
/// </remarks>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Metrics_AfterLearnsAndPredictions_CountsThemPerModel()
    {
        // Tests run servers side by side in one process, and a meter listener sees every meter of the same name:
        // a model name of this test's own keeps its samples apart.
        string model = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        string tag = $"model=\"{model}\"";
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        Dataset phishing = RiverDatasets.Phishing();
        await CreateAndLearnAsync(eddy, model, $$"""{"name": "{{model}}", "model": "StandardScaler | LogisticRegression", "metrics": ["Accuracy", "ROCAUC"]}""", phishing);

        for (int row = 0; row < 2; row++)
        {
            using HttpResponseMessage predicted = await eddy.Client.PostAsync($"/v1/models/{model}/predict", Examples.Predict(phishing, row));
            Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
        }

        string text = await ScrapeAsync(eddy);

        Assert.Equal(3, Sample(text, "eddy_model_learns_total", tag));
        Assert.Equal(2, Sample(text, "eddy_model_predictions_total", tag));
        Assert.Equal(3, Sample(text, "eddy_replica_sequence", tag));
        Assert.Equal(0, Sample(text, "eddy_replica_lag", tag));
        // The log's counters carry no model label; other servers running in this test process export theirs under the
        // same name (their meters share it), so look for this server's among them rather than take the first.
        Assert.True(Samples(text, "eddy_wal_records_total").Any(records => records >= 4), "the creation record and three learns are logged");
        double accuracy = Sample(text, "eddy_model_metric", tag, "metric=\"Accuracy\"", "window=\"global\"");
        Assert.InRange(accuracy, 0, 1);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterASnapshot_CountTheSnapshotAndTheSequenceItCovers()
    {
        string model = "snapshots-" + Guid.NewGuid().ToString("N")[..8];
        string tag = $"model=\"{model}\"";
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await CreateAndLearnAsync(eddy, model, $$"""{"name": "{{model}}", "model": "LogisticRegression"}""", RiverDatasets.Phishing());

        string before = await ScrapeAsync(eddy);
        Assert.Equal(0, Sample(before, "eddy_model_snapshots_total", tag));
        Assert.Equal(0, Sample(before, "eddy_model_snapshot_sequence", tag));

        using (HttpResponseMessage download = await eddy.Client.GetAsync($"/v1/models/{model}/snapshot"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        // The exporter serves a scrape from its cache for a short while (300 ms by default).
        string after = await ScrapeAsync(eddy);
        for (int attempt = 0; attempt < 40 && Sample(after, "eddy_model_snapshots_total", tag) == 0; attempt++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            after = await ScrapeAsync(eddy);
        }

        Assert.Equal(1, Sample(after, "eddy_model_snapshots_total", tag));
        Assert.Equal(3, Sample(after, "eddy_model_snapshot_sequence", tag));
        Assert.Equal(0, Sample(after, "eddy_model_snapshot_failures_total", tag));
    }

    [Fact]
    public async Task Metrics_TelemetryOff_NotMapped()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync(new Dictionary<string, string?> { ["Eddy:Telemetry"] = "false" });

        using HttpResponseMessage response = await eddy.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Creates the model from <paramref name="creation"/> (the request body) and learns three Phishing rows.</summary>
    private static async Task CreateAndLearnAsync(EddyApplication eddy, string model, string creation, Dataset phishing)
    {
        using (HttpResponseMessage created = await eddy.Client.PostAsync("/v1/models", Examples.Json(creation)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        for (int row = 0; row < 3; row++)
        {
            using HttpResponseMessage learned = await eddy.Client.PostAsync($"/v1/models/{model}/learn", Examples.Learn(phishing, row));
            Assert.Equal(HttpStatusCode.OK, learned.StatusCode);
        }
    }

    internal static async Task<string> ScrapeAsync(EddyApplication eddy)
    {
        using HttpResponseMessage response = await eddy.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the first sample of <paramref name="name"/> whose labels contain every given one.</summary>
    private static List<double> Samples(string text, string name)
    {
        var values = new List<double>();
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                values.Add(double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
            }
        }

        return values;
    }

    internal static double Sample(string text, string name, params string[] labels)
    {
        foreach (string line in text.Split('\n'))
        {
            if (!line.StartsWith(name + "{", StringComparison.Ordinal) && !line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                continue;
            }

            bool matches = true;
            foreach (string label in labels)
            {
                matches &= line.Contains(label, StringComparison.Ordinal);
            }

            if (matches)
            {
                string[] parts = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ');
                return double.Parse(parts[0], CultureInfo.InvariantCulture);
            }
        }

        throw new Xunit.Sdk.XunitException($"No sample of {name} with {string.Join(", ", labels)} in:\n{text}");
    }
}

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTestsCollection;
