using Eddy.Server;
using Eddy.Server.Hosting;
using Eddy.Server.Persistence;
using Eddy.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eddy.Benchmarks.Durability;

/// <summary>
/// The model server in this process, exactly as <c>eddy serve</c> composes it (<see cref="EddyServer.Create"/>, which
/// runs recovery before it returns), on a loopback port the OS picks. Framework logs at Warning; the server's own
/// Information lines (data directory, recovery time) are kept and the recovery line is captured.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly RecoveryLog _recovery;

    private BenchServer(WebApplication app, RecoveryLog recovery)
    {
        App = app;
        _recovery = recovery;
    }

    public WebApplication App { get; }

    /// <summary>Milliseconds <c>Recovery.Run</c> reported (reading the log and replaying it), or -1.</summary>
    public long RecoveryMilliseconds => _recovery.Milliseconds;

    public long RecoveredRecords => _recovery.Records;

    public WalStatistics Statistics => App.Services.GetRequiredService<ModelStore>().Log.Statistics;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Examples the default model has learned (its writer's sequence).</summary>
    public long LearnedExamples => App.Services.GetRequiredService<ModelRegistry>().TryGet("default", out ModelHost? host) ? host.Sequence : 0;

    /// <summary>Builds the server (recovery included) without listening.</summary>
    public static BenchServer Create(string dataDirectory, string durability, params string[] extra)
    {
        var recovery = new RecoveryLog();
        string[] args =
        [
            $"--Eddy:DataDirectory={dataDirectory}",
            $"--Eddy:Durability={durability}",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Eddy.Server=Information",
            .. extra,
        ];
        WebApplication app = EddyServer.Create(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.AddProvider(recovery);
        });
        return new BenchServer(app, recovery);
    }

    /// <summary>Builds and starts listening.</summary>
    public static async Task<BenchServer> StartAsync(string dataDirectory, string durability, params string[] extra)
    {
        BenchServer server = Create(dataDirectory, durability, extra);
        await server.App.StartAsync();
        string address = server.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>Keeps the numbers of the server's "Recovered ..." log line.</summary>
    private sealed class RecoveryLog : ILoggerProvider, ILogger
    {
        public long Milliseconds { get; private set; } = -1;

        public long Records { get; private set; } = -1;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                return;
            }

            long elapsed = -1;
            long records = -1;
            foreach (KeyValuePair<string, object?> field in fields)
            {
                if (field.Key == "Elapsed")
                {
                    elapsed = Convert.ToInt64(field.Value, System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (field.Key == "Records")
                {
                    records = Convert.ToInt64(field.Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            if (elapsed >= 0)
            {
                Milliseconds = elapsed;
                Records = records;
            }
        }

        public void Dispose()
        {
        }
    }
}
