using System.CommandLine;
using System.Globalization;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Specs;
using Spectre.Console;

namespace Eddy.Cli.Commands;

/// <summary><c>eddy evaluate</c>: River's <c>progressive_val_score</c> on one of River's datasets, with a progress bar.</summary>
internal static class EvaluateCommand
{
    public const string SeedModel = "StandardScaler | LogisticRegression";

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset", "-d")
        {
            Description = $"River dataset to stream: {string.Join(", ", RiverDatasets.Names)}.",
            DefaultValueFactory = _ => "phishing",
        };
        var model = new Option<string>("--model", "-m")
        {
            Description = "Model in River's expression form with parameters, e.g. \"StandardScaler | LogisticRegression(l2=0.01)\", "
                + "or @file.json holding a JSON spec (its metrics are used unless --metric is given).",
            DefaultValueFactory = _ => SeedModel,
        };
        var metrics = new Option<string[]>("--metric")
        {
            Description = "Metric to track (repeatable, or comma-separated), e.g. ROCAUC or \"ROCAUC(n_thresholds=20)\"; defaults depend on the task.",
            AllowMultipleArgumentsPerToken = true,
        };
        var printEvery = new Option<int>("--print-every")
        {
            Description = "Print the metrics every N examples, as River does (0: only at the end).",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("evaluate", "Progressive validation (predict, score, then learn) of a model on a dataset.")
        {
            dataset, model, metrics, printEvery,
        };
        command.SetAction(result => Run(
            result.GetValue(dataset)!, result.GetValue(model)!, result.GetValue(metrics) ?? [], result.GetValue(printEvery)));
        return command;
    }

    private static int Run(string datasetName, string modelArgument, string[] metricNames, int printEvery)
    {
        Dataset data;
        Estimator estimator;
        IReadOnlyList<Metric> metrics;
        try
        {
            data = RiverDatasets.ByName(datasetName);
            ModelSpec spec = ReadSpec(modelArgument);
            if (metricNames.Length > 0)
            {
                spec = spec.WithMetrics(metricNames);
            }
            else if (spec.Metrics.Count == 0)
            {
                spec = spec.WithMetrics(MetricDefaults.For(data.Task));
            }

            BuiltModel built = spec.Build();
            estimator = built.Estimator;
            metrics = built.Metrics;
            foreach (Metric metric in metrics)
            {
                if (metric is TimeRollingClassificationMetric or TimeRollingRegressionMetric)
                {
                    throw new ArgumentException($"{metric.Name} in a time window needs timestamps, which the datasets do not carry.");
                }
            }
        }
        catch (SpecException e)
        {
            string where = e.Path.Length > 0 ? $"{e.Path}: " : string.Empty;
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {where}{e.Message}");
            return 2;
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {Describe(e)}");
            return 2;
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]{estimator}[/] on [bold]{data.Name}[/] ({data.Count:N0} examples)");
        IEnumerable<Checkpoint> checkpoints;
        try
        {
            checkpoints = Checkpoints(estimator, data, metrics, printEvery);
        }
        catch (ArgumentException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {Describe(e)}");
            return 2;
        }

        Checkpoint? last = null;
        try
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    ProgressTask task = context.AddTask(data.Name, maxValue: data.Count);
                    foreach (Checkpoint checkpoint in checkpoints)
                    {
                        task.Value = checkpoint.Step;
                        if (printEvery > 0 && checkpoint.Step % printEvery == 0)
                        {
                            AnsiConsole.WriteLine(Format(checkpoint, metrics, withStep: true));
                        }

                        last = checkpoint;
                    }
                });
        }
        catch (EddyException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }

        if (last is not null)
        {
            AnsiConsole.WriteLine(Format(last, metrics, withStep: false));
            AnsiConsole.MarkupLineInterpolated(
                $"[grey]{last.Step:N0} examples, {last.Scored:N0} scored, {last.Elapsed.TotalMilliseconds:F0} ms, model state {last.ModelBytes:N0} bytes[/]");
        }

        return 0;
    }

    /// <summary>River's expression form, or <c>@path</c> to a JSON spec.</summary>
    private static ModelSpec ReadSpec(string argument) =>
        argument.StartsWith('@') ? EstimatorCatalog.Default.ParseJson(File.ReadAllText(argument[1..])) : EstimatorCatalog.Default.Parse(argument);

    private static IEnumerable<Checkpoint> Checkpoints(Estimator estimator, Dataset data, IReadOnlyList<Metric> metrics, int printEvery)
    {
        // Report progress about a hundred times, and at every print point.
        int step = Math.Max(1, data.Count / 100);
        if (printEvery > 0)
        {
            step = Gcd(step, printEvery);
        }

        return estimator switch
        {
            Classifier classifier => ProgressiveValidation.Iterate(classifier, data, Cast<ClassificationMetric>(metrics, "classifier"), step),
            Regressor regressor => ProgressiveValidation.Iterate(regressor, data, Cast<RegressionMetric>(metrics, "regressor"), step),
            _ => throw new ArgumentException($"{estimator} is not a classifier or a regressor, so it cannot be evaluated."),
        };
    }

    private static List<T> Cast<T>(IReadOnlyList<Metric> metrics, string kind)
        where T : Metric
    {
        var typed = new List<T>();
        foreach (Metric metric in metrics)
        {
            typed.Add(metric as T ?? throw new ArgumentException($"{metric.Name} does not apply to a {kind}."));
        }

        return typed;
    }

    private static string Format(Checkpoint checkpoint, IReadOnlyList<Metric> metrics, bool withStep)
    {
        var parts = new List<string>();
        for (int i = 0; i < metrics.Count; i++)
        {
            double value = checkpoint.Values[i];
            string text = metrics[i].IsPercentage
                ? (value * 100).ToString("F2", CultureInfo.InvariantCulture) + "%"
                : value.ToString("F6", CultureInfo.InvariantCulture);
            parts.Add($"{metrics[i].Name}: {text}");
        }

        string line = string.Join(", ", parts);
        return withStep ? $"[{checkpoint.Step.ToString("N0", CultureInfo.InvariantCulture)}] {line}" : line;
    }

    /// <summary>The message without .NET's "(Parameter 'x')" suffix, which means nothing to a CLI user.</summary>
    private static string Describe(Exception e) =>
        e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
