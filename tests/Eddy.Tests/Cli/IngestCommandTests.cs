namespace Eddy.Tests.Cli;

/// <summary><c>eddy ingest</c> into a local data directory, run as a separate process.</summary>
public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_LocalFile_KeepsAWholeCopy_AndRefusesAFileNotOfItsFormat()
    {
        string root = Path.Combine(Path.GetTempPath(), $"eddy-ingest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            string csv = Path.Combine(root, "payments.csv");
            await File.WriteAllTextAsync(csv, "amount,fraud\n1,false\n2,true\n", TestContext.Current.CancellationToken);
            string data = Path.Combine(root, "data");
            (int exitCode, string output) = await CliProcess.RunAsync("ingest", csv, "--source", "payments", "--data-dir", data);
            Assert.Equal(0, exitCode);
            Assert.Contains("2 records", output, StringComparison.Ordinal);
            string kept = Assert.Single(Directory.GetFiles(Path.Combine(data, "ingest", "payments")));
            Assert.Equal(await File.ReadAllTextAsync(csv, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(kept, TestContext.Current.CancellationToken));

            string ndjson = Path.Combine(root, "events.ndjson");
            await File.WriteAllTextAsync(ndjson, "{\"a\": 1}\nnot json\n", TestContext.Current.CancellationToken);
            (exitCode, output) = await CliProcess.RunAsync("ingest", ndjson, "--source", "events", "--data-dir", data);
            Assert.Equal(2, exitCode);
            Assert.Contains("Nothing was kept", output.Replace(Environment.NewLine, " ", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(Path.Combine(data, "ingest", "events")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
