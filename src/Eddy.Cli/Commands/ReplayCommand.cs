using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Eddy.Base;
using Eddy.Client;
using Eddy.Datasets;
using Spectre.Console;

namespace Eddy.Cli.Commands;

/// <summary>
/// <c>eddy replay</c>: sends a dataset to a running server through <see cref="EddyClient"/>, as live traffic would: one
/// example at a time (predict, then learn, as the seed's <c>send_requests.py</c>), in <c>learn_many</c> batches, or over
/// the NDJSON stream, printing progress and the server's own metrics as it goes.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset", "-d")
        {
            Description = $"River dataset to send: {string.Join(", ", RiverDatasets.Names)}.",
            DefaultValueFactory = _ => "phishing",
        };
        var file = new Option<string?>("--file", "-f") { Description = "A CSV file to send instead (header row; the label column with --target)." };
        var target = new Option<string?>("--target") { Description = "The label column of --file." };
        var url = new Option<string>("--url") { Description = "The server's address.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var model = new Option<string>("--model", "-m") { Description = "The model to send to.", DefaultValueFactory = _ => "default" };
        var limit = new Option<int>("--limit") { Description = "Send at most this many examples (0: all).", DefaultValueFactory = _ => 0 };
        var delay = new Option<int>("--delay") { Description = "Milliseconds to wait between examples (or batches).", DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch") { Description = "Learn in learn_many batches of N (1: predict then learn, one example at a time).", DefaultValueFactory = _ => 1 };
        var stream = new Option<bool>("--stream") { Description = "Send everything over one NDJSON stream (/stream) instead." };
        var printEvery = new Option<int>("--print-every") { Description = "Print the server's metrics every N examples (0: only at the end).", DefaultValueFactory = _ => 0 };
        var apiKey = new Option<string?>("--api-key") { Description = "The server's API key, if it has one." };
        var command = new Command("replay", "Send a dataset to a running server, example by example or in batches, and watch its metrics.")
        {
            dataset, file, target, url, model, limit, delay, batch, stream, printEvery, apiKey,
        };
        command.SetAction((result, cancellation) => RunAsync(
            new Settings(
                result.GetValue(dataset)!, result.GetValue(url)!, result.GetValue(model)!, result.GetValue(limit), result.GetValue(delay),
                result.GetValue(batch), result.GetValue(stream), result.GetValue(printEvery), result.GetValue(apiKey))
            {
                File = result.GetValue(file),
                Target = result.GetValue(target),
            },
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellation)
    {
        Dataset data;
        Uri address;
        try
        {
            ArgumentOutOfRangeException.ThrowIfNegative(settings.Limit, "--limit");
            ArgumentOutOfRangeException.ThrowIfNegative(settings.Delay, "--delay");
            ArgumentOutOfRangeException.ThrowIfLessThan(settings.Batch, 1, "--batch");
            ArgumentOutOfRangeException.ThrowIfNegative(settings.PrintEvery, "--print-every");
            address = Uri.TryCreate(settings.Url, UriKind.Absolute, out Uri? parsed) ? parsed : throw new ArgumentException($"'{settings.Url}' is not an absolute URL.");
            data = settings.File is null
                ? RiverDatasets.ByName(settings.Dataset)
                : FileDataset.Load(settings.File, settings.Target ?? throw new ArgumentException("--file needs --target: the name of the label column."), task: null);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }

        int count = settings.Limit > 0 ? Math.Min(settings.Limit, data.Count) : data.Count;
        using var client = new EddyClient(address, new EddyClientOptions { ApiKey = settings.ApiKey });
        var run = new ReplayRun(client, settings, data, count);
        try
        {
            ModelDescription target = await client.GetModelAsync(settings.Model, cancellation);
            string mode = settings.Stream ? "one NDJSON stream" : settings.Batch > 1 ? $"learn_many batches of {settings.Batch}" : "predict then learn, one at a time";
            AnsiConsole.MarkupLineInterpolated($"Sending {count:N0} examples of [bold]{data.Name}[/] to [bold]{target.Name}[/] ({target.Model}, sequence {target.Sequence:N0}) at {address}: {mode}.");
            var clock = Stopwatch.StartNew();
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(context => run.SendAsync(context.AddTask(data.Name, maxValue: count), cancellation));
            clock.Stop();

            ModelMetrics metrics = await client.GetMetricsAsync(settings.Model, cancellation);
            AnsiConsole.WriteLine(Format(metrics));
            double rate = count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            AnsiConsole.MarkupLineInterpolated(
                $"[grey]{count:N0} examples sent in {clock.Elapsed.TotalMilliseconds:F0} ms ({rate:N0}/s); model at sequence {metrics.Sequence:N0}; {run.Refused:N0} refused[/]");
            return run.Refused == 0 ? 0 : 1;
        }
        catch (EddyProblemException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message} [grey]({e.Type})[/]");
            return 1;
        }
        catch (HttpRequestException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] cannot reach {address}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The server's metrics as <c>ROCAUC: 0.950696, Accuracy: 0.892800</c>; undefined ones as <c>n/a</c>.</summary>
    internal static string Format(ModelMetrics metrics)
    {
        var parts = new List<string>();
        foreach (KeyValuePair<string, double?> metric in metrics.Global)
        {
            parts.Add($"{metric.Key}: {(metric.Value is { } value ? value.ToString("F6", CultureInfo.InvariantCulture) : "n/a")}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>A dataset row as a client example: categories as strings, missing values left out, column order kept.</summary>
    internal static Example Features(Dataset data, int row)
    {
        var x = new Example(data.FeatureNames.Count);
        for (int f = 0; f < data.FeatureNames.Count; f++)
        {
            if (data.IsPresent(row, f))
            {
                x[data.FeatureNames[f]] = data.FeatureKinds[f] == ColumnKind.Category ? data.CategoryAt(row, f) : data.NumberAt(row, f);
            }
        }

        return x;
    }

    internal static EddyValue Target(Dataset data, int row)
    {
        Label y = data.Target(row);
        return y.Kind switch
        {
            LabelKind.Boolean => y == Label.True,
            LabelKind.Text => y.Text,
            LabelKind.None => EddyValue.Null,
            _ => y.ToDouble(),
        };
    }

    internal sealed record Settings(string Dataset, string Url, string Model, int Limit, int Delay, int Batch, bool Stream, int PrintEvery, string? ApiKey)
    {
        /// <summary>A CSV file to send instead of <see cref="Dataset"/>, with its label column.</summary>
        public string? File { get; init; }

        public string? Target { get; init; }
    }
}
