namespace Eddy.Tests.Cli;

/// <summary>The README's first command, run for real: the built CLI as a separate process.</summary>
public sealed class EvaluateCommandTests
{
    [Fact]
    public async Task Evaluate_PhishingWithSeedModel_PrintsRiversRocAuc()
    {
        (int exitCode, string output) = await CliProcess.RunAsync("evaluate", "--dataset", "phishing");

        Assert.Equal(0, exitCode);
        Assert.Contains("ROCAUC: 95.07%", output, StringComparison.Ordinal);
        Assert.Contains("Accuracy: 89.28%", output, StringComparison.Ordinal);
        Assert.Contains("1,250 examples, 1,250 scored", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_PrintEvery_PrintsRiverStyleCheckpoints()
    {
        (int exitCode, string output) = await CliProcess.RunAsync(
            "evaluate", "-d", "image_segments", "-m", "StandardScaler | SoftmaxRegression", "--print-every", "1000");

        Assert.Equal(0, exitCode);
        Assert.Contains("[1,000] Accuracy:", output, StringComparison.Ordinal);
        Assert.Contains("[2,000] Accuracy:", output, StringComparison.Ordinal);
        Assert.Contains("Accuracy: 82.55%, MacroF1: 81.88%", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dataset", "no_such_dataset", "no_such_dataset")]
    [InlineData("--model", "LogisticRegression | StandardScaler", "not a transformer")]
    [InlineData("--model", "Nonsense", "Unknown estimator 'Nonsense'")]
    [InlineData("--metric", "MAE", "MAE does not apply to a classifier")]
    public async Task Evaluate_BadArguments_ClearErrorAndExitCode2(string option, string value, string message)
    {
        (int exitCode, string output) = await CliProcess.RunAsync("evaluate", option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output.Replace(Environment.NewLine, " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_JsonSpecFile_UsesItsModelAndMetrics()
    {
        string path = Path.Combine(Path.GetTempPath(), $"eddy-spec-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"pipeline": [{"StandardScaler": {}}, {"LogisticRegression": {}}], "metrics": ["ROCAUC"]}""", TestContext.Current.CancellationToken);
        try
        {
            (int exitCode, string output) = await CliProcess.RunAsync("evaluate", "--model", "@" + path);

            Assert.Equal(0, exitCode);
            Assert.Contains("ROCAUC: 95.07%", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Accuracy", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Evaluate_ParameterOutOfRange_NamesThePath()
    {
        (int exitCode, string output) = await CliProcess.RunAsync("evaluate", "-m", "StandardScaler | LogisticRegression(l2=-1)", "--metric", "ROCAUC(n_thresholds=20)");

        Assert.Equal(2, exitCode);
        Assert.Contains("pipeline[1].LogisticRegression.l2", output, StringComparison.Ordinal);
    }
}
