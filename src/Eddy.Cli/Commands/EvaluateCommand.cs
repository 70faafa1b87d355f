using System.CommandLine;
using System.Globalization;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Specs;
using Spectre.Console;

namespace Eddy.Cli.Commands;

/// <summary>
/// <c>eddy evaluate</c>: River's <c>progressive_val_score</c> of one or several models on one of River's datasets or a CSV
/// file, with a progress bar; optionally a holdout (the stream's end, scored without learning), a comparison table and
/// the learning curves as a picture.
/// </summary>
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
        var file = new Option<string?>("--file", "-f") { Description = "A CSV file to stream instead (header row; give the label column with --target)." };
        var target = new Option<string?>("--target") { Description = "The label column of --file." };
        var task = new Option<string?>("--task") { Description = "classification or regression, when the guess from --file's label column is wrong." };
        task.AcceptOnlyFromAmong("classification", "regression");
        var model = new Option<string[]>("--model", "-m")
        {
            Description = "Model in River's expression form with parameters, e.g. \"StandardScaler | LogisticRegression(l2=0.01)\", "
                + "or @file.json holding a JSON spec (its metrics are used unless --metric is given). Repeat to compare several on the same stream.",
            DefaultValueFactory = _ => [SeedModel],
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
        var holdout = new Option<double>("--holdout")
        {
            Description = "Hold out this fraction of the stream's end (0 to 0.9): learn progressively on the rest, then score the final model on it without learning.",
            DefaultValueFactory = _ => 0,
        };
        var plot = new Option<string?>("--plot") { Description = "Write the learning curves (each model's first metric) to this .png or .svg file." };

        var command = new Command("evaluate", "Progressive validation (predict, score, then learn) of one or several models on a dataset or a CSV file.")
        {
            dataset, file, target, task, model, metrics, printEvery, holdout, plot,
        };
        command.SetAction(result => Run(new Request(
            result.GetValue(dataset)!,
            result.GetValue(file),
            result.GetValue(target),
            result.GetValue(task),
            result.GetValue(model) is { Length: > 0 } models ? models : [SeedModel],
            result.GetValue(metrics) ?? [],
            result.GetValue(printEvery),
            result.GetValue(holdout),
            result.GetValue(plot))));
        return command;
    }

    private static int Run(Request request)
    {
        Dataset data;
        var candidates = new List<Candidate>();
        try
        {
            data = request.File is null
                ? RiverDatasets.ByName(request.Dataset)
                : FileDataset.Load(request.File, request.Target ?? throw new ArgumentException("--file needs --target: the name of the label column."), request.Task);
            if (request.Holdout is < 0 or > 0.9 || double.IsNaN(request.Holdout))
            {
                throw new ArgumentException("--holdout is a fraction from 0 to 0.9.");
            }

            if (request.Plot is { } plotPath && !LearningCurvePlot.Supports(plotPath))
            {
                throw new ArgumentException("--plot writes a .png or .svg file.");
            }

            foreach (string argument in request.Models)
            {
                candidates.Add(Build(argument, request.Metrics, data.Task));
            }
        }
        catch (SpecException e)
        {
            string where = e.Path.Length > 0 ? $"{e.Path}: " : string.Empty;
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {where}{e.Message}");
            return 2;
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {Describe(e)}");
            return 2;
        }

        int held = (int)Math.Round(data.Count * request.Holdout);
        Dataset stream = held > 0 ? data.Slice(0, data.Count - held) : data;
        Dataset? heldOut = held > 0 ? data.Slice(data.Count - held, held, data.Name + " (holdout)") : null;
        foreach (Candidate candidate in candidates)
        {
            int code = Evaluate(candidate, stream, heldOut, request.PrintEvery);
            if (code != 0)
            {
                return code;
            }
        }

        if (candidates.Count > 1 || heldOut is not null)
        {
            Summarize(candidates, heldOut is not null);
        }

        if (request.Plot is { } path)
        {
            LearningCurvePlot.Save(path, data.Name, candidates);
            AnsiConsole.MarkupLineInterpolated($"[grey]learning curves written to {path}[/]");
        }

        return 0;
    }

    private static Candidate Build(string argument, string[] metricNames, TaskKind task)
    {
        ModelSpec spec = ReadSpec(argument);
        if (metricNames.Length > 0)
        {
            spec = spec.WithMetrics(metricNames);
        }
        else if (spec.Metrics.Count == 0)
        {
            spec = spec.WithMetrics(MetricDefaults.For(task));
        }

        BuiltModel built = spec.Build();
        foreach (Metric metric in built.Metrics)
        {
            if (metric is TimeRollingClassificationMetric or TimeRollingRegressionMetric)
            {
                throw new ArgumentException($"{metric.Name} in a time window needs timestamps, which the datasets do not carry.");
            }
        }

        if (built.Estimator is not (Classifier or Regressor))
        {
            throw new ArgumentException($"{built.Estimator} is not a classifier or a regressor, so it cannot be evaluated.");
        }

        return new Candidate(argument, built.Estimator, built.Metrics, spec);
    }

    /// <summary>Progressive validation of one model on the stream, then (with a holdout) its final state scored on the rest.</summary>
    private static int Evaluate(Candidate candidate, Dataset data, Dataset? heldOut, int printEvery)
    {
        Estimator estimator = candidate.Model;
        IReadOnlyList<Metric> metrics = candidate.Metrics;
        AnsiConsole.MarkupLineInterpolated($"[bold]{estimator}[/] on [bold]{data.Name}[/] ({data.Count:N0} examples)");
        var schema = new FeatureSchema();
        IEnumerable<Checkpoint> checkpoints;
        try
        {
            checkpoints = Checkpoints(estimator, data, metrics, printEvery, schema, learn: true);
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

                        candidate.Curve.Add((checkpoint.Step, checkpoint.Values.Count > 0 ? checkpoint.Values[0] : double.NaN));
                        last = checkpoint;
                    }
                });
            if (heldOut is not null)
            {
                // Fresh metrics, the trained model, the same feature schema; nothing is learned from these examples.
                IReadOnlyList<Metric> fresh = candidate.Spec.BuildMetrics();
                candidate.Holdout = Checkpoints(estimator, heldOut, fresh, 0, schema, learn: false).Last().Values;
            }
        }
        catch (EddyException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }

        if (last is not null)
        {
            candidate.Final = last.Values;
            AnsiConsole.WriteLine(Format(last, metrics, withStep: false));
            AnsiConsole.MarkupLineInterpolated(
                $"[grey]{last.Step:N0} examples, {last.Scored:N0} scored, {last.Elapsed.TotalMilliseconds:F0} ms, model state {last.ModelBytes:N0} bytes[/]");
        }

        return 0;
    }

    /// <summary>One row per model and metric: progressive value, and the holdout value when there is one.</summary>
    private static void Summarize(List<Candidate> candidates, bool holdout)
    {
        var table = new Table().AddColumn("model").AddColumn("metric").AddColumn(new TableColumn("progressive").RightAligned());
        if (holdout)
        {
            table.AddColumn(new TableColumn("holdout").RightAligned());
        }

        foreach (Candidate candidate in candidates)
        {
            for (int i = 0; i < candidate.Metrics.Count; i++)
            {
                Metric metric = candidate.Metrics[i];
                var cells = new List<string>
                {
                    Markup.Escape(candidate.Name),
                    Markup.Escape(metric.Name),
                    FormatValue(metric, candidate.Final is { } final ? final[i] : double.NaN),
                };
                if (holdout)
                {
                    cells.Add(FormatValue(metric, candidate.Holdout is { } values ? values[i] : double.NaN));
                }

                table.AddRow([.. cells]);
            }
        }

        AnsiConsole.Write(table);
    }

    /// <summary>River's expression form, or <c>@path</c> to a JSON spec.</summary>
    private static ModelSpec ReadSpec(string argument) =>
        argument.StartsWith('@') ? EstimatorCatalog.Default.ParseJson(File.ReadAllText(argument[1..])) : EstimatorCatalog.Default.Parse(argument);

    private static IEnumerable<Checkpoint> Checkpoints(Estimator estimator, Dataset data, IReadOnlyList<Metric> metrics, int printEvery, FeatureSchema schema, bool learn)
    {
        // Report progress about a hundred times, and at every print point.
        int step = Math.Max(1, data.Count / 100);
        if (printEvery > 0)
        {
            step = Gcd(step, printEvery);
        }

        return estimator switch
        {
            Classifier classifier => ProgressiveValidation.Iterate(classifier, data, Cast<ClassificationMetric>(metrics, "classifier"), step, schema, learn),
            Regressor regressor => ProgressiveValidation.Iterate(regressor, data, Cast<RegressionMetric>(metrics, "regressor"), step, schema, learn),
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
            parts.Add($"{metrics[i].Name}: {FormatValue(metrics[i], checkpoint.Values[i])}");
        }

        string line = string.Join(", ", parts);
        return withStep ? $"[{checkpoint.Step.ToString("N0", CultureInfo.InvariantCulture)}] {line}" : line;
    }

    private static string FormatValue(Metric metric, double value) =>
        metric.IsPercentage ? (value * 100).ToString("F2", CultureInfo.InvariantCulture) + "%" : value.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>The message without .NET's "(Parameter 'x')" suffix, which means nothing to a CLI user.</summary>
    private static string Describe(Exception e) =>
        e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private sealed record Request(
        string Dataset, string? File, string? Target, string? Task, string[] Models, string[] Metrics, int PrintEvery, double Holdout, string? Plot);

    /// <summary>One model being compared: what it is, its curve (examples, first metric) and its final figures.</summary>
    internal sealed class Candidate(string name, Estimator model, IReadOnlyList<Metric> metrics, ModelSpec spec)
    {
        /// <summary>As the user wrote it: short enough for a table row and a legend.</summary>
        public string Name { get; } = name;

        public Estimator Model { get; } = model;

        public IReadOnlyList<Metric> Metrics { get; } = metrics;

        public ModelSpec Spec { get; } = spec;

        public List<(long Step, double Value)> Curve { get; } = [];

        public IReadOnlyList<double>? Final { get; set; }

        public IReadOnlyList<double>? Holdout { get; set; }
    }
}
