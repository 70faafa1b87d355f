using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Eddy.Server;
using Eddy.Storage;
using Spectre.Console;

namespace Eddy.Cli.Commands;

/// <summary>
/// <c>eddy ingest</c>: keeps a CSV, NDJSON or Parquet file as an immutable raw copy — in a running server's data
/// directory (<c>--server</c>, through <c>POST /v1/ingest/{source}</c>) or in a local one (<c>--data-dir</c>); or, with
/// <c>--redis-stream</c>, has a server running with Redis copy a Redis Stream's entries (<c>POST /v1/ingest/{source}/redis</c>).
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "The file to keep (.csv, .ndjson/.jsonl or .parquet); none with --redis-stream.", Arity = ArgumentArity.ZeroOrOne };
        var source = new Option<string>("--source") { Description = "The source it comes from: raw files are kept per source.", Required = true };
        var format = new Option<string?>("--format") { Description = "csv, ndjson or parquet (default: from the file's extension)." };
        format.AcceptOnlyFromAmong("csv", "ndjson", "parquet");
        var server = new Option<string?>("--server", "-s") { Description = "Send it to this running server instead of a local data directory." };
        var apiKey = BackupCommands.ApiKeyOption();
        var dataDirectory = new Option<string?>("--data-dir") { Description = $"Local data directory (default {new EddyServerOptions().DataDirectory})." };
        var stream = new Option<string?>("--redis-stream") { Description = "Instead of a file: the key of a Redis Stream the server (--server, run with --redis) copies." };
        var from = new Option<string?>("--from") { Description = "With --redis-stream: copy the entries after this id (default 0-0, all); the answer's 'last' continues." };
        var count = new Option<long?>("--count") { Description = "With --redis-stream: copy at most this many entries." };
        var command = new Command("ingest", "Keep a data file (or a Redis Stream's entries) as an immutable, timestamped raw copy (locally or on a server).")
        {
            file, source, format, server, apiKey, dataDirectory, stream, from, count,
        };
        command.SetAction(async (result, cancellation) =>
        {
            string name = result.GetValue(source)!;
            if (result.GetValue(stream) is { } key)
            {
                if (result.GetValue(server) is not { } at || result.GetValue(file) is not null)
                {
                    AnsiConsole.MarkupLine("[red]error:[/] --redis-stream needs --server (a server run with --redis) and no file.");
                    return 2;
                }

                return await CopyStreamAsync(at, result.GetValue(apiKey), name, key, result.GetValue(from), result.GetValue(count), cancellation);
            }

            if (result.GetValue(file) is not { } input)
            {
                AnsiConsole.MarkupLine("[red]error:[/] name the file to keep (or a stream with --redis-stream).");
                return 2;
            }

            string? kind = result.GetValue(format) ?? Path.GetExtension(input.Name).ToLowerInvariant() switch
            {
                ".csv" => "csv",
                ".ndjson" or ".jsonl" => "ndjson",
                ".parquet" => "parquet",
                _ => null,
            };
            if (!input.Exists || kind is null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {(input.Exists ? "say --format csv, ndjson or parquet for " + input.Name : input.FullName + " does not exist")}.");
                return 2;
            }

            return result.GetValue(server) is { } address
                ? await SendAsync(input, name, kind, address, result.GetValue(apiKey), cancellation)
                : await KeepAsync(input, name, kind, result.GetValue(dataDirectory) ?? new EddyServerOptions().DataDirectory, cancellation);
        });
        return command;
    }

    private static async Task<int> SendAsync(FileInfo input, string source, string format, string address, string? apiKey, CancellationToken cancellation)
    {
        using HttpClient client = BackupCommands.Client(address, apiKey);
        await using FileStream stream = input.OpenRead();
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue(format switch
        {
            "csv" => "text/csv",
            "ndjson" => "application/x-ndjson",
            _ => "application/vnd.apache.parquet",
        });
        using HttpResponseMessage response = await AnsiConsole.Status().StartAsync(
            $"Sending {input.Name} ({input.Length:N0} bytes) to {source}…", _ => client.PostAsync($"/v1/ingest/{Uri.EscapeDataString(source)}", content, cancellation));
        if (!response.IsSuccessStatusCode)
        {
            return await BackupCommands.FailAsync(response, cancellation);
        }

        AnsiConsole.WriteLine(await response.Content.ReadAsStringAsync(cancellation));
        return 0;
    }

    private static async Task<int> CopyStreamAsync(string address, string? apiKey, string source, string key, string? from, long? count, CancellationToken cancellation)
    {
        var body = new JsonObject { ["stream"] = key };
        if (from is not null)
        {
            body["from"] = from;
        }

        if (count is not null)
        {
            body["count"] = count;
        }

        using HttpClient client = BackupCommands.Client(address, apiKey);
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await AnsiConsole.Status().StartAsync(
            $"Copying the Redis stream {key} into {source}…", _ => client.PostAsync($"/v1/ingest/{Uri.EscapeDataString(source)}/redis", content, cancellation));
        if (!response.IsSuccessStatusCode)
        {
            return await BackupCommands.FailAsync(response, cancellation);
        }

        AnsiConsole.WriteLine(await response.Content.ReadAsStringAsync(cancellation));
        return 0;
    }

    private static async Task<int> KeepAsync(FileInfo input, string source, string format, string dataDirectory, CancellationToken cancellation)
    {
        if (!StorageLayout.IsValidName(source))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] a source name has letters, digits, '.', '_' or '-' (not '{source}').");
            return 2;
        }

        var check = new RawFormatCheck(format);
        using RawArchive.Writer writer = new RawArchive(dataDirectory).Begin(source, format, DateTimeOffset.UtcNow);
        await using FileStream stream = input.OpenRead();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
        {
            if (check.Feed(buffer.AsSpan(0, read)) is { } error)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] not {format}: {error} Nothing was kept.");
                return 2;
            }

            writer.Append(buffer.AsSpan(0, read));
        }

        if (check.Finish() is { } problem)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] not {format}: {problem} Nothing was kept.");
            return 2;
        }

        RawFile kept = writer.Commit();
        string records = check.Records is { } count ? $", {count:N0} records" : string.Empty;
        AnsiConsole.MarkupLineInterpolated($"Kept [bold]{Path.Combine(StorageLayout.IngestDirectory(dataDirectory), source, kept.Name)}[/] ({kept.Bytes:N0} bytes{records}, sha256 {kept.Sha256}).");
        return 0;
    }
}
