using System.CommandLine;
using System.Net.Http.Headers;
using Spectre.Console;

namespace Eddy.Cli.Commands;

/// <summary>
/// <c>eddy backup</c> and <c>eddy restore</c>: a consistent archive of a running server's models (one verified snapshot
/// per model, taken while it keeps serving), and loading one into a server.
/// </summary>
internal static class BackupCommands
{
    public static Command CreateBackup()
    {
        var server = ServerOption();
        var apiKey = ApiKeyOption();
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the archive (zip).", Required = true };
        var command = new Command("backup", "Save a running server's models to an archive, while it keeps serving.") { server, apiKey, output };
        command.SetAction(async (result, cancellation) =>
        {
            using HttpClient client = Client(result.GetValue(server)!, result.GetValue(apiKey));
            using HttpResponseMessage response = await AnsiConsole.Status().StartAsync(
                "Taking a snapshot of every model…", _ => client.GetAsync("/v1/admin/backup", cancellation));
            if (!response.IsSuccessStatusCode)
            {
                return await FailAsync(response, cancellation);
            }

            FileInfo file = result.GetValue(output)!;
            await using (FileStream stream = file.Create())
            {
                await response.Content.CopyToAsync(stream, cancellation);
            }

            AnsiConsole.MarkupLineInterpolated($"Backed up to [bold]{file.FullName}[/] ({file.Length:N0} bytes).");
            return 0;
        });
        return command;
    }

    public static Command CreateRestore()
    {
        var server = ServerOption();
        var apiKey = ApiKeyOption();
        var input = new Option<FileInfo>("--input", "-i") { Description = "The archive written by eddy backup.", Required = true };
        var command = new Command("restore", "Load an archive into a running server: each model in it is created or replaced.") { server, apiKey, input };
        command.SetAction(async (result, cancellation) =>
        {
            FileInfo file = result.GetValue(input)!;
            if (!file.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {file.FullName} does not exist.");
                return 2;
            }

            using HttpClient client = Client(result.GetValue(server)!, result.GetValue(apiKey));
            await using FileStream stream = file.OpenRead();
            using var content = new StreamContent(stream);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            using HttpResponseMessage response = await AnsiConsole.Status().StartAsync(
                "Restoring the models…", _ => client.PostAsync("/v1/admin/restore", content, cancellation));
            if (!response.IsSuccessStatusCode)
            {
                return await FailAsync(response, cancellation);
            }

            AnsiConsole.WriteLine(await response.Content.ReadAsStringAsync(cancellation));
            return 0;
        });
        return command;
    }

    internal static Option<string> ServerOption() => new("--server", "-s")
    {
        Description = "The server's address.",
        DefaultValueFactory = _ => "http://127.0.0.1:8080",
    };

    internal static Option<string?> ApiKeyOption() => new("--api-key") { Description = "The server's API key, if it has one." };

    internal static HttpClient Client(string server, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(server), Timeout = TimeSpan.FromMinutes(10) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    internal static async Task<int> FailAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        string detail = await response.Content.ReadAsStringAsync(cancellation);
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {(int)response.StatusCode} {detail}");
        return 1;
    }
}
