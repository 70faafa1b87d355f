using System.CommandLine;
using Eddy.Datasets;
using Eddy.Server.Persistence;
using Eddy.Specs;
using Spectre.Console;

namespace Eddy.Cli.Commands;

/// <summary>
/// <c>eddy train</c>: offline warm start. Learns a dataset with a model spec as the server would and writes the model
/// snapshot, to upload with <c>PUT /v1/models/{name}/snapshot</c>; the model then keeps learning online.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset", "-d") { Description = "River dataset to learn.", DefaultValueFactory = _ => "phishing" };
        var model = new Option<string>("--model", "-m") { Description = "Model spec (River's expression form, or @file.json).", DefaultValueFactory = _ => "StandardScaler | LogisticRegression" };
        var metrics = new Option<string[]>("--metric") { Description = "Metrics to track (repeatable).", AllowMultipleArgumentsPerToken = true };
        var name = new Option<string>("--name") { Description = "The model's name in the snapshot.", DefaultValueFactory = _ => "default" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the snapshot.", Required = true };
        var command = new Command("train", "Learn a dataset offline and write a model snapshot to upload to a server.") { dataset, model, metrics, name, output };
        command.SetAction(result =>
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

                Dataset data = RiverDatasets.ByName(result.GetValue(dataset)!);
                byte[] snapshot = OfflineTraining.Train(result.GetValue(name)!, spec, data);
                FileInfo file = result.GetValue(output)!;
                File.WriteAllBytes(file.FullName, snapshot);
                AnsiConsole.MarkupLineInterpolated($"Learned {data.Count:N0} examples of {data.Name}; snapshot written to [bold]{file.FullName}[/] ({snapshot.Length:N0} bytes).");
                AnsiConsole.MarkupLineInterpolated($"Upload: curl -X PUT --data-binary @{file.Name} -H 'Content-Type: application/vnd.eddy.snapshot' http://127.0.0.1:8080/v1/models/<name>/snapshot");
                return 0;
            }
            catch (Exception e) when (e is SpecException or ArgumentException or KeyNotFoundException or IOException or InvalidOperationException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
