using System.Globalization;
using Eddy.Client.Tests.Support;

namespace Eddy.Client.Tests;

/// <summary><c>eddy replay</c> run for real: the built CLI as a separate process, sending to a real server.</summary>
public sealed class ReplayCommandTests
{
    private static readonly CancellationToken s_cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replay_OneByOne_PredictsLearnsAndPrintsServerMetrics()
    {
        await using LiveServer server = await LiveServer.StartAsync();

        (int exitCode, string output) = await CliProcess.RunAsync("replay", "--url", server.Address.ToString(), "-d", "phishing", "--limit", "200", "--print-every", "100");

        Assert.Equal(0, exitCode);
        Assert.Contains("Sending 200 examples of Phishing to default", output, StringComparison.Ordinal);
        Assert.Contains("[100] ROCAUC: ", output, StringComparison.Ordinal);
        Assert.Contains("[200] ROCAUC: ", output, StringComparison.Ordinal);
        Assert.Contains("200 examples sent", output, StringComparison.Ordinal);
        EddyClient client = server.Client();
        Assert.Equal(200, (await client.GetModelAsync("default", s_cancel)).Sequence);
    }

    [Theory]
    [InlineData("--batch", "100")]
    [InlineData("--stream", "true")]
    public async Task Replay_WholeDataset_ServerReachesRiversRocAuc(string option, string value)
    {
        await using LiveServer server = await LiveServer.StartAsync();

        (int exitCode, string output) = await CliProcess.RunAsync("replay", "--url", server.Address.ToString(), option, value);

        Assert.Equal(0, exitCode);
        ModelMetrics metrics = await server.Client().GetMetricsAsync("default", s_cancel);
        Assert.Equal(1250, metrics.Sequence);
        Assert.Equal(0.9506961340902946, metrics.Global["ROCAUC"]);
        Assert.Contains("ROCAUC: " + 0.9506961340902946.ToString("F6", CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        Assert.Contains("model at sequence 1,250; 0 refused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_CsvFile_SendsItsRowsWithTheTargetColumnAsLabel()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        string path = Path.Combine(Path.GetTempPath(), $"eddy-replay-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "amount,hour,fraud" };
        for (int i = 0; i < 120; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i % 13 * 7.5},{i % 24},{(i % 13 > 8 ? "true" : "false")}"));
        }

        await File.WriteAllLinesAsync(path, lines, s_cancel);
        try
        {
            (int exitCode, string output) = await CliProcess.RunAsync("replay", "--url", server.Address.ToString(), "-f", path, "--target", "fraud", "--batch", "50");

            Assert.Equal(0, exitCode);
            Assert.Contains("120 examples sent", output, StringComparison.Ordinal);
            ModelDescription model = await server.Client().GetModelAsync("default", s_cancel);
            Assert.Equal(120, model.Sequence);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Replay_UnknownModel_ProblemAndExitCode1()
    {
        await using LiveServer server = await LiveServer.StartAsync();

        (int exitCode, string output) = await CliProcess.RunAsync("replay", "--url", server.Address.ToString(), "--model", "nope");

        Assert.Equal(1, exitCode);
        Assert.Contains("There is no model named 'nope'.", output, StringComparison.Ordinal);
        Assert.Contains("urn:eddy:problem:model-not-found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_RegressionDatasetOnClassifier_RefusedCountedExitCode1()
    {
        await using LiveServer server = await LiveServer.StartAsync();

        (int exitCode, string output) = await CliProcess.RunAsync("replay", "--url", server.Address.ToString(), "-d", "trump_approval", "--limit", "20", "--batch", "10");

        Assert.Equal(1, exitCode);
        Assert.Contains("refused:", output, StringComparison.Ordinal);
        Assert.Contains("20 refused", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dataset", "no_such_dataset", "Unknown dataset 'no_such_dataset'")]
    [InlineData("--url", "not a url", "is not an absolute URL")]
    [InlineData("--batch", "0", "--batch")]
    public async Task Replay_BadArguments_ExitCode2(string option, string value, string message)
    {
        (int exitCode, string output) = await CliProcess.RunAsync("replay", option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output.Replace(Environment.NewLine, " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
