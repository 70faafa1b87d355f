using Eddy.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Eddy.Client.Tests.Support;

/// <summary>
/// A real Eddy server for one test: Kestrel on 127.0.0.1 with an ephemeral port, a temporary data directory, the same
/// composition as <c>eddy serve</c>. The client under test talks to it over TCP like any other client.
/// </summary>
internal sealed class LiveServer : IAsyncDisposable
{
    public const string ApiKey = "test-admin-key";

    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private LiveServer(WebApplication app, Uri address, string dataDirectory)
    {
        _app = app;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    /// <summary>Starts a server; with <paramref name="apiKey"/> its admin routes need <see cref="ApiKey"/>.</summary>
    public static async Task<LiveServer> StartAsync(bool apiKey = false)
    {
        string dataDirectory = Path.Combine(Path.GetTempPath(), "eddy-client-tests", Guid.NewGuid().ToString("n"));
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Eddy:DataDirectory"] = dataDirectory,
            ["Eddy:Durability"] = "OsBuffered",
        };
        if (apiKey)
        {
            configuration["Eddy:ApiKey"] = ApiKey;
        }

        WebApplication app = EddyServer.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new LiveServer(app, new Uri(app.Urls.First()), dataDirectory);
    }

    /// <summary>A client of this server; <paramref name="handler"/> sits between it and the network (fault injection).</summary>
    public EddyClient Client(EddyClientOptions? options = null, DelegatingHandler? handler = null)
    {
        HttpMessageHandler network = new SocketsHttpHandler();
        if (handler is not null)
        {
            handler.InnerHandler = network;
            network = handler;
        }

        var http = new HttpClient(network) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        _clients.Add(http);
        return new EddyClient(http, options ?? new EddyClientOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(50) });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (HttpClient http in _clients)
        {
            http.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
