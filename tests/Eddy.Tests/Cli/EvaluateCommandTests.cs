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

    [Fact]
    public async Task Evaluate_TwoModelsWithHoldoutAndPlot_ComparesThemAndWritesTheCurves()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"eddy-plot-{Guid.NewGuid():N}");
        try
        {
            string png = Path.Combine(directory, "curves.png");
            (int exitCode, string output) = await CliProcess.RunAsync(
                "evaluate", "-d", "phishing", "-m", "StandardScaler | LogisticRegression", "-m", "GaussianNB", "--metric", "Accuracy", "--holdout", "0.2", "--plot", png);

            Assert.Equal(0, exitCode);
            Assert.Contains("1,000 examples, 1,000 scored", output, StringComparison.Ordinal);
            Assert.Contains("holdout", output, StringComparison.Ordinal);
            Assert.Contains("GaussianNB", output, StringComparison.Ordinal);
            byte[] picture = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
            Assert.True(picture.Length > 1000);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], picture[..4]);

            string svg = Path.Combine(directory, "curves.svg");
            (exitCode, _) = await CliProcess.RunAsync("evaluate", "-d", "phishing", "--plot", svg);
            Assert.Equal(0, exitCode);
            Assert.Contains("<svg", await File.ReadAllTextAsync(svg, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Evaluate_CsvFile_InfersColumnsAndTask()
    {
        string path = Path.Combine(Path.GetTempPath(), $"eddy-data-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "size,colour,price" };
        for (int i = 0; i < 200; i++)
        {
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i % 10},{(i % 3 == 0 ? "red" : "blue")},{i % 10 * 1.5 + (i % 3 == 0 ? 2 : 0) + 0.25}"));
        }

        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        try
        {
            (int exitCode, string output) = await CliProcess.RunAsync("evaluate", "-f", path, "--target", "price", "-m", "OneHotEncoder | LinearRegression");
            Assert.Equal(0, exitCode);
            Assert.Contains("MAE:", output, StringComparison.Ordinal);
            Assert.Contains("200 examples", output, StringComparison.Ordinal);

            (exitCode, output) = await CliProcess.RunAsync("evaluate", "-f", path, "--target", "nope");
            Assert.Equal(2, exitCode);
            Assert.Contains("no column named", output, StringComparison.Ordinal);
            Assert.Contains("nope", output, StringComparison.Ordinal);
            (exitCode, output) = await CliProcess.RunAsync("evaluate", "-f", path);
            Assert.Equal(2, exitCode);
            Assert.Contains("--target", output.Replace(Environment.NewLine, " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Evaluate_ParquetFile_SameScoresAsTheSameDataInCsv()
    {
        string stem = Path.Combine(Path.GetTempPath(), $"eddy-data-{Guid.NewGuid():N}");
        var csv = new List<string> { "size,colour,price" };
        var rows = new List<IDictionary<string, object?>>();
        for (int i = 0; i < 200; i++)
        {
            double size = i % 10;
            string colour = i % 3 == 0 ? "red" : "blue";
            double price = (i % 10 * 1.5) + (i % 3 == 0 ? 2 : 0) + 0.25;
            csv.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{size},{colour},{price:R}"));
            rows.Add(new Dictionary<string, object?> { ["size"] = size, ["colour"] = colour, ["price"] = price });
        }

        var schema = new Parquet.Schema.ParquetSchema(
            new Parquet.Schema.DataField<double>("size"), new Parquet.Schema.DataField<string>("colour"), new Parquet.Schema.DataField<double>("price"));
        await File.WriteAllLinesAsync(stem + ".csv", csv, TestContext.Current.CancellationToken);
        await using (FileStream stream = File.Create(stem + ".parquet"))
        {
            await Parquet.Serialization.ParquetSerializer.SerializeUntypedAsync(rows, schema, stream, cancellationToken: TestContext.Current.CancellationToken);
        }

        await File.WriteAllTextAsync(stem + "-bad.parquet", "PAR1 not parquet PAR1", TestContext.Current.CancellationToken);
        try
        {
            (int exitCode, string fromParquet) = await CliProcess.RunAsync("evaluate", "-f", stem + ".parquet", "--target", "price", "-m", "OneHotEncoder | LinearRegression");
            Assert.Equal(0, exitCode);
            Assert.Contains("200 examples", fromParquet, StringComparison.Ordinal);
            (exitCode, string fromCsv) = await CliProcess.RunAsync("evaluate", "-f", stem + ".csv", "--target", "price", "-m", "OneHotEncoder | LinearRegression");
            Assert.Equal(0, exitCode);
            string mae = fromCsv.Split('\n').First(line => line.Contains("MAE:", StringComparison.Ordinal)).Trim();
            Assert.Contains(mae, fromParquet, StringComparison.Ordinal);

            (exitCode, string bad) = await CliProcess.RunAsync("evaluate", "-f", stem + "-bad.parquet", "--target", "price");
            Assert.Equal(2, exitCode);
            Assert.Contains("Parquet", bad, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(stem + ".csv");
            File.Delete(stem + ".parquet");
            File.Delete(stem + "-bad.parquet");
        }
    }
}
