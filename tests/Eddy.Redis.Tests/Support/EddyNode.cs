using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eddy.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Eddy.Redis.Tests.Support;

/// <summary>
/// One Eddy process of a scale-out deployment in a test: in this process (Kestrel on 127.0.0.1, ephemeral port, the
/// composition <c>eddy serve</c> uses) or as a real child process (<c>dotnet Eddy.Cli.dll serve</c>) that a test kills.
/// </summary>
public sealed partial class EddyNode : IAsyncDisposable
{
    private readonly WebApplication? _app;
    private readonly Process? _process;

    private EddyNode(Uri address, WebApplication? app, Process? process)
    {
        Address = address;
        _app = app;
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public int ProcessId => _process?.Id ?? Environment.ProcessId;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Settings every test node gets: quick polling and leases, so failures show within a test's time.</summary>
    public static Dictionary<string, string?> Defaults(RedisProcess redis, string role) => new()
    {
        ["Eddy:Role"] = role,
        ["Eddy:Redis:Configuration"] = redis.Configuration,
        ["Eddy:Redis:PollMs"] = "100",
        ["Eddy:Redis:LeaseMs"] = "1000",
        ["Eddy:Redis:PublishIntervalMs"] = "2",
    };

    public static async Task<EddyNode> StartInProcessAsync(RedisProcess redis, string role, IDictionary<string, string?>? settings = null)
    {
        Dictionary<string, string?> configuration = Defaults(redis, role);
        configuration["urls"] = "http://127.0.0.1:0";
        foreach (KeyValuePair<string, string?> setting in settings ?? new Dictionary<string, string?>())
        {
            configuration[setting.Key] = setting.Value;
        }

        WebApplication app = EddyServer.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders();
            EddyRedis.Configure(builder);
        });
        await app.StartAsync();
        return new EddyNode(new Uri(app.Urls.First()), app, null);
    }

    /// <summary>A single-process server (role all, its own log in a temporary directory): the reference a deployment must equal.</summary>
    public static async Task<EddyNode> StartLocalAsync()
    {
        string directory = Path.Combine(Path.GetTempPath(), "eddy-redis-tests", Guid.NewGuid().ToString("n"));
        WebApplication app = EddyServer.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0", ["Eddy:DataDirectory"] = directory });
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new EddyNode(new Uri(app.Urls.First()), app, null);
    }

    /// <summary><c>eddy serve --role … --redis …</c> as a child process; other settings go in as <c>Eddy__…</c> variables.</summary>
    public static async Task<EddyNode> StartProcessAsync(RedisProcess redis, string role, IDictionary<string, string?>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { CliPath(), "serve", "--role", role, "--redis", redis.Configuration, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        Dictionary<string, string?> configuration = Defaults(redis, role);
        foreach (KeyValuePair<string, string?> setting in settings ?? new Dictionary<string, string?>())
        {
            configuration[setting.Key] = setting.Value;
        }

        foreach (KeyValuePair<string, string?> setting in configuration)
        {
            start.Environment[setting.Key.Replace(":", "__", StringComparison.Ordinal)] = setting.Value;
        }

        start.Environment["Eddy__DataDirectory"] = Path.Combine(Path.GetTempPath(), "eddy-redis-tests", Guid.NewGuid().ToString("n"));
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                // Also reached after a kill; stderr may still be appending, so read the output under its lock.
                if (!listening.Task.IsCompleted)
                {
                    lock (output)
                    {
                        listening.TrySetException(new InvalidOperationException($"eddy serve --role {role} exited before listening:\n{output}"));
                    }
                }

                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            Match match = Listening().Match(e.Data);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Uri address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new EddyNode(address, null, process);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using HttpResponseMessage response = await Client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {Address}{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Waits until <paramref name="condition"/> holds on this node's model description, or fails after the timeout.</summary>
    public async Task<JsonElement> WaitForModelAsync(string model, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            using HttpResponseMessage response = await Client.GetAsync($"/v1/models/{model}");
            if (response.IsSuccessStatusCode)
            {
                last = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (condition(last))
                {
                    return last;
                }
            }

            await Task.Delay(25);
        }

        Assert.Fail($"{Address}: model '{model}' did not reach the expected state; last: {last}");
        return last;
    }

    /// <summary>SIGKILL (a child process), or a stop without grace (in process).</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        else if (_app is not null)
        {
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_process is not null)
        {
            await KillAsync();
            _process.Dispose();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>
    /// The CLI from its own build output (built as this project's reference): its deps file there matches its folder,
    /// while the copy in a test's output would resolve packages the test does not carry.
    /// </summary>
    internal static string CliPath()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Eddy.slnx")))
        {
            directory = directory.Parent;
        }

        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        string path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Eddy.slnx not found above the test output."), "src", "Eddy.Cli", "bin", configuration, "net10.0", "Eddy.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Eddy.Cli first.", path);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
