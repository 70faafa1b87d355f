using Eddy.Server.Endpoints;
using Eddy.Server.Hosting;
using Eddy.Server.Persistence;
using Eddy.Server.Http;
using Eddy.Server.Observability;
using Eddy.Server.Problems;
using Eddy.Server.ScaleOut;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Scalar.AspNetCore;

namespace Eddy.Server;

/// <summary>Composes the server: options, model registry, routes. <c>Program</c>, <c>eddy serve</c> and the tests share it.</summary>
public static class EddyServer
{
    /// <summary>
    /// appsettings*.json reload on change by polling their own timestamps (every 4 s) instead of the default watcher,
    /// which watches the whole content root tree: the data directory usually lies under it, so every log commit and
    /// snapshot would wake a thread to read and discard a file event (measured: a wake-up and three system calls per
    /// commit).
    /// </summary>
    private static void PollSettingsFiles(WebApplicationBuilder builder)
    {
        IFileProvider watching = builder.Environment.ContentRootFileProvider;
        var polling = new PhysicalFileProvider(builder.Environment.ContentRootPath) { UsePollingFileWatcher = true, UseActivePolling = true };
        builder.Environment.ContentRootFileProvider = polling;
        IList<IConfigurationSource> sources = builder.Configuration.Sources;
        for (int i = 0; i < sources.Count; i++)
        {
            if (sources[i] is FileConfigurationSource { ReloadOnChange: true } file)
            {
                file.FileProvider = polling;

                // Setting the item again makes the configuration rebuild that source with the new provider.
                sources[i] = file;
            }
        }

        // Stops the tree watcher the settings files already started.
        (watching as IDisposable)?.Dispose();
    }

    /// <summary>Builds the application; <paramref name="configure"/> may add configuration or services (tests do).</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        PollSettingsFiles(builder);

        // Defaults under every other source: per-request framework logs at Information cost a third of throughput.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            },
        });
        configure?.Invoke(builder);

        builder.Services.AddOptions<EddyServerOptions>().BindConfiguration(EddyServerOptions.Section);
        EddyServerOptions options = builder.Configuration.GetSection(EddyServerOptions.Section).Get<EddyServerOptions>() ?? new EddyServerOptions();
        if (string.IsNullOrEmpty(options.Model) && builder.Configuration["EDDY_MODEL"] is { Length: > 0 } model)
        {
            options.Model = model;
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(options.Urls);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Our own reader enforces the limit with a problem+json answer; Kestrel's is a backstop a little above it.
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes + 1024;
            kestrel.AddServerHeader = false;
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ServerSettings>();
        builder.Services.TryAddSingleton<Eddy.Storage.IStorageFileSystem>(new Eddy.Storage.PhysicalFileSystem());
        builder.Services.AddSingleton(services => new Eddy.Storage.RawArchive(options.DataDirectory, services.GetRequiredService<Eddy.Storage.IStorageFileSystem>()));
        bool scaledOut = builder.Services.Any(service => service.ServiceType == typeof(IScaleOut));
        if (options.Role != ServerRole.All && !scaledOut)
        {
            throw new ServerConfigurationException(
                $"The role '{options.Role.ToString().ToLowerInvariant()}' shares models through Redis: give its address with --redis (Eddy:Redis:Configuration).");
        }

        if (!scaledOut)
        {
            builder.Services.AddSingleton(services => new ModelStore(
                options.DataDirectory,
                options.Durability,
                services.GetRequiredService<Eddy.Storage.IStorageFileSystem>(),
                message => services.GetRequiredService<ILoggerFactory>().CreateLogger("Eddy.Storage").LogWarning("{Message}", message)));
        }

        builder.Services.AddSingleton(services => new ModelRegistry(
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EddyServerOptions>>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>(),
            scaledOut ? null : services.GetRequiredService<ModelStore>()));
        builder.Services.TryAddSingleton(Eddy.Specs.EstimatorCatalog.Default);
        builder.Services.AddSingleton<ModelFactory>();
        builder.Services.AddHostedService<ModelShutdown>();
        builder.Services.AddSingleton<ServerMetrics>();
        if (options.Telemetry)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("eddy"))
                .WithMetrics(metrics => metrics
                    .AddMeter(ServerMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                    .AddPrometheusExporter());
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        WebApplication app = builder.Build();
        if (scaledOut)
        {
            // Models come from the backend once it is reached (its hosted service attaches them); nothing local to recover.
            app.Services.GetRequiredService<ModelRegistry>().ScaleOut = app.Services.GetRequiredService<IScaleOut>();
        }
        else
        {
            Restore(app.Services, options);
        }

        // Created now so the per-model instruments exist before the first scrape.
        app.Services.GetRequiredService<ServerMetrics>();
        app.UseExceptionHandler(errors => errors.Run(WriteUnhandledAsync));
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealth();
        if (options.Role != ServerRole.Trainer)
        {
            // A trainer serves no models; it answers health and metrics only.
            app.MapSeed();
            app.MapModels();
            app.MapBatches();
            app.MapStream();
            app.MapSnapshots();
            app.MapScaleOut();
            app.MapBackups();
            app.MapExport();
            app.MapEvents();
            app.MapChallengers();
            app.MapVersions();
            app.MapIngest();
            app.MapPrepare();
            app.MapDashboard();
        }

        if (options.Telemetry)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        if (options.BenchmarkRoutes)
        {
            app.MapBenchmarks();
        }
        return app;
    }

    /// <summary>No 5xx from client data: Kestrel's own request errors keep their 4xx status; anything else is a 500 problem.</summary>
    private static async Task WriteUnhandledAsync(HttpContext context)
    {
        Exception? error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        ILogger logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Eddy.Server");
        switch (error)
        {
            case Microsoft.AspNetCore.Http.BadHttpRequestException bad:
                ProblemKind kind = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemKind.BodyTooLarge : ProblemKind.InvalidRequest;
                await JsonResponse.ProblemAsync(context, kind with { Status = bad.StatusCode }, bad.Message);
                break;
            case ClientErrorException client:
                await JsonResponse.ProblemAsync(context, client);
                break;
            default:
                logger.LogError(error, "Unhandled error on {Path}.", context.Request.Path);
                await JsonResponse.ProblemAsync(context, ProblemKind.ModelFailure with { Title = "The server failed on this request." }, "An internal error occurred; no model state was changed by it.");
                break;
        }
    }

    /// <summary>
    /// Before the server listens: recovers every model from the data directory, loads the model named by
    /// <c>EDDY_MODEL</c> if any, then creates the configured default model if it is not among them (a fresh start).
    /// </summary>
    private static void Restore(IServiceProvider services, EddyServerOptions options)
    {
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Eddy.Server");
        var registry = services.GetRequiredService<ModelRegistry>();
        var factory = services.GetRequiredService<ModelFactory>();
        logger.LogInformation("Data directory: {DataDirectory} ({Durability})", Path.GetFullPath(options.DataDirectory), options.Durability);
        Recovery.Run(registry, factory, logger);
        if (!string.IsNullOrEmpty(options.Model))
        {
            StartupModel.Load(options, registry, factory, logger);
        }

        if (!string.IsNullOrEmpty(options.DefaultModel) && !registry.TryGet(options.DefaultModel, out _))
        {
            // The seed tracks ROCAUC; Accuracy and LogLoss come along unless configured otherwise.
            ModelDefinition definition = factory.FromExpression(options.DefaultModel, options.DefaultSpec, options.DefaultMetrics ?? ["ROCAUC", "Accuracy", "LogLoss"]);
            registry.CreateAsync(definition).GetAwaiter().GetResult();
            logger.LogInformation("Model {Model}: {Spec}", definition.Name, definition.Prototype);
        }
    }

    /// <summary>Stops every model's writer (answering what is queued) and closes the log when the server stops.</summary>
    private sealed class ModelShutdown(ModelRegistry registry) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => registry.DisposeAsync().AsTask();
    }
}
