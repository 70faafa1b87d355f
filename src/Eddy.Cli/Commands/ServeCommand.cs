using System.CommandLine;
using Eddy.Server;
using Eddy.Server.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Eddy.Cli.Commands;

/// <summary>
/// <c>eddy serve</c>: runs the model server. Every flag maps to a setting of the <c>Eddy</c> configuration section, so
/// the same settings also come from <c>appsettings.json</c> or the environment (<c>Eddy__ApiKey</c>); a flag wins.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var defaults = new EddyServerOptions();
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {defaults.Urls})." };
        var dataDirectory = new Option<string?>("--data-dir") { Description = $"Local data directory (default {defaults.DataDirectory})." };
        var apiKey = new Option<string?>("--api-key") { Description = "Require this key to create or delete models." };
        var defaultModel = new Option<string?>("--default-model") { Description = $"Name of the model created at start, empty for none (default {defaults.DefaultModel})." };
        var defaultSpec = new Option<string?>("--default-spec") { Description = $"The default model in River's expression form (default \"{defaults.DefaultSpec}\")." };
        var maxBody = new Option<long?>("--max-body-bytes") { Description = $"Largest request body (default {defaults.MaxBodyBytes})." };
        var durability = new Option<string?>("--durability")
        {
            Description = "fsync (default): a learn is acknowledged once on stable storage, surviving a machine crash. "
                + "os-buffered: once handed to the OS, surviving a process crash but not a power loss.",
        };
        durability.AcceptOnlyFromAmong("fsync", "os-buffered");
        var model = new Option<string?>("--model")
        {
            Description = "Load this model snapshot before serving: a file or an http(s) URL (default: the EDDY_MODEL environment variable).",
        };
        var modelName = new Option<string?>("--model-name") { Description = "Serve the loaded model under this name (default: its own)." };
        var role = new Option<string?>("--role")
        {
            Description = "all (default): serve and learn in one process. With --redis: server answers predictions and appends learns to "
                + "the shared streams; trainer is the single writer that applies them and publishes replicas; all does both.",
        };
        role.AcceptOnlyFromAmong("all", "server", "trainer");
        var redis = new Option<string?>("--redis") { Description = "Share models through this Redis (a StackExchange.Redis configuration string, e.g. 127.0.0.1:6379)." };

        var command = new Command("serve", "Run the model server: predictions are reads, learning is writes.")
        {
            urls, dataDirectory, apiKey, defaultModel, defaultSpec, maxBody, durability, model, modelName, role, redis,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var args = new List<string>();
            Add(args, "Urls", result.GetValue(urls));
            Add(args, "DataDirectory", result.GetValue(dataDirectory));
            Add(args, "ApiKey", result.GetValue(apiKey));
            Add(args, "DefaultModel", result.GetValue(defaultModel));
            Add(args, "DefaultSpec", result.GetValue(defaultSpec));
            Add(args, "Model", result.GetValue(model));
            Add(args, "ModelName", result.GetValue(modelName));
            Add(args, "Role", result.GetValue(role) switch
            {
                "server" => "Server",
                "trainer" => "Trainer",
                "all" => "All",
                _ => null,
            });
            Add(args, "Redis:Configuration", result.GetValue(redis));
            Add(args, "MaxBodyBytes", result.GetValue(maxBody)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(args, "Durability", result.GetValue(durability) switch
            {
                "os-buffered" => "OsBuffered",
                "fsync" => "Fsync",
                _ => null,
            });
            WebApplication app;
            try
            {
                app = EddyServer.Create([.. args], Eddy.Redis.EddyRedis.Configure);
            }
            catch (Exception e) when (e is ModelLoadException or ServerConfigurationException)
            {
                // The operator's configuration is at fault: say what, without a stack trace.
                await Console.Error.WriteLineAsync($"eddy: {e.Message}");
                return 2;
            }

            await using (app)
            {
                await app.StartAsync(cancellation);
                await app.WaitForShutdownAsync(cancellation);
            }

            return 0;
        });
        return command;
    }

    private static void Add(List<string> args, string key, string? value)
    {
        if (value is not null)
        {
            args.Add($"--{EddyServerOptions.Section}:{key}={value}");
        }
    }
}
