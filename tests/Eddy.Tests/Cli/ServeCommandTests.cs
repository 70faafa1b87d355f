namespace Eddy.Tests.Cli;

/// <summary><c>eddy serve</c> refusing to start, as an operator sees it.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_ModelFileMissing_ExitsWithAMessageNotAStackTrace()
    {
        string directory = Path.Combine(Path.GetTempPath(), "eddy-cli-tests", Guid.NewGuid().ToString("n"));
        try
        {
            (int exitCode, string output) = await CliProcess.RunAsync(
                "serve", "--urls", "http://127.0.0.1:0", "--data-dir", directory, "--model", Path.Combine(directory, "missing.eddy"));

            Assert.Equal(2, exitCode);
            Assert.Contains("eddy: There is no model file at", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
