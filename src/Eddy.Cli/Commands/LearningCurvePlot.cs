namespace Eddy.Cli.Commands;

/// <summary>
/// The learning curves of <c>eddy evaluate</c> as a picture (ScottPlot): each model's first metric against the examples
/// seen, one line per model, PNG or SVG by the file's extension.
/// </summary>
internal static class LearningCurvePlot
{
    private const int Width = 900;
    private const int Height = 500;

    public static bool Supports(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".svg";

    public static void Save(string path, string dataset, IReadOnlyList<EvaluateCommand.Candidate> candidates)
    {
        var plot = new ScottPlot.Plot();
        foreach (EvaluateCommand.Candidate candidate in candidates)
        {
            var steps = new double[candidate.Curve.Count];
            var values = new double[candidate.Curve.Count];
            for (int i = 0; i < steps.Length; i++)
            {
                steps[i] = candidate.Curve[i].Step;
                values[i] = candidate.Curve[i].Value;
            }

            ScottPlot.Plottables.Scatter line = plot.Add.ScatterLine(steps, values);
            line.LegendText = candidate.Name;
        }

        string metric = candidates.Count > 0 && candidates[0].Metrics.Count > 0 ? candidates[0].Metrics[0].Name : "metric";
        plot.Title($"Progressive validation on {dataset}");
        plot.XLabel("examples");
        plot.YLabel(metric);
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(path, Width, Height);
        }
        else
        {
            plot.SavePng(path, Width, Height);
        }
    }
}
