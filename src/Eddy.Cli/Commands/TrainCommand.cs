using System.CommandLine;
using Eddy.Client;
using Eddy.Datasets;
using Eddy.Server.Persistence;
using Eddy.Specs;
using Spectre.Console;

namespace Eddy.Cli.Commands;

/// <summary>
/// <c>eddy train</c>: offline warm start. Learns a dataset (a River dataset, or a CSV/Parquet file, or its first rows) with
/// a model spec as the server would and writes the model snapshot; with <c>--upload</c> it also puts the snapshot on a
/// running server (<c>PUT /v1/models/{name}/snapshot</c>), where the model then keeps learning online.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset", "-d") { Description = "River dataset to learn.", DefaultValueFactory = _ => "phishing" };
        var file = new Option<string?>("--file", "-f") { Description = "A CSV or Parquet file to learn instead (give the label column with --target)." };
        var target = new Option<string?>("--target") { Description = "The label column of --file." };
        var task = new Option<string?>("--task") { Description = "classification or regression, when the guess from --file's label column is wrong." };
        var rows = new Option<int?>("--rows") { Description = "Learn only the first N rows (e.g. the older half; the rest can follow online)." };
        var model = new Option<string>("--model", "-m") { Description = "Model spec (River's expression form, or @file.json).", DefaultValueFactory = _ => "StandardScaler | LogisticRegression" };
        var metrics = new Option<string[]>("--metric") { Description = "Metrics to track (repeatable).", AllowMultipleArgumentsPerToken = true };
        var name = new Option<string>("--name") { Description = "The model's name in the snapshot.", DefaultValueFactory = _ => "default" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the snapshot.", Required = true };
        var upload = new Option<string?>("--upload") { Description = "A running server's base URL: upload the snapshot there as model --name." };
        var apiKey = new Option<string?>("--api-key") { Description = "The server's admin key, when it has one (or EDDY_API_KEY)." };
        var command = new Command("train", "Learn a dataset offline, write a model snapshot, and optionally upload it to a server.")
        {
            dataset, file, target, task, rows, model, metrics, name, output, upload, apiKey,
        };
        command.SetAction(async (result, cancellation) =>
        {
            try
            {
                string text = result.GetValue(model)!;
                ModelSpec spec = text.StartsWith('@') ? ModelSpec.FromJson(File.ReadAllText(text[1..])) : ModelSpec.FromExpression(text);
                string[] metricNames = result.GetValue(metrics) ?? [];
                if (metricNames.Length > 0)
                {
                    spec = spec.WithMetrics(metricNames);
                }

                Dataset data = Load(result.GetValue(file), result.GetValue(target), result.GetValue(task), result.GetValue(dataset)!, result.GetValue(rows));
                string modelName = result.GetValue(name)!;
                byte[] snapshot = AnsiConsole.Status().Start($"Learning {data.Count:N0} examples of {data.Name}…", _ => OfflineTraining.Train(modelName, spec, data));
                FileInfo destination = result.GetValue(output)!;
                await File.WriteAllBytesAsync(destination.FullName, snapshot, cancellation);
                AnsiConsole.MarkupLineInterpolated($"Learned {data.Count:N0} examples of {data.Name}; snapshot written to [bold]{destination.FullName}[/] ({snapshot.Length:N0} bytes).");
                if (result.GetValue(upload) is not { } url)
                {
                    AnsiConsole.MarkupLineInterpolated($"Upload: eddy train … --upload http://127.0.0.1:8080, or PUT the file to /v1/models/{modelName}/snapshot");
                    return 0;
                }

                Uri address = Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) ? parsed : throw new ArgumentException($"'{url}' is not an absolute URL.");
                using var client = new EddyClient(address, new EddyClientOptions { ApiKey = result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("EDDY_API_KEY") });
                using var stream = new MemoryStream(snapshot, writable: false);
                ModelDescription uploaded = await client.UploadSnapshotAsync(modelName, stream, cancellation);
                AnsiConsole.MarkupLineInterpolated($"Uploaded to {address}: model [bold]{uploaded.Name}[/] at sequence {uploaded.Sequence:N0}; it keeps learning online from there.");
                return 0;
            }
            catch (EddyProblemException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] the server refused the upload: {e.Message}");
                return 1;
            }
            catch (HttpRequestException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] the server cannot be reached: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is SpecException or ArgumentException or KeyNotFoundException or IOException or InvalidOperationException or FormatException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Dataset Load(string? file, string? target, string? task, string dataset, int? rows)
    {
        Dataset data = file is null
            ? RiverDatasets.ByName(dataset)
            : FileDataset.Load(file, target ?? throw new ArgumentException("--file needs --target: the name of the label column."), task);
        if (rows is not { } count)
        {
            return data;
        }

        if (count < 1 || count > data.Count)
        {
            throw new ArgumentException($"--rows must be between 1 and the dataset's {data.Count:N0} rows, not {count}.");
        }

        return data.Slice(0, count, $"{data.Name} (first {count:N0})");
    }
}
