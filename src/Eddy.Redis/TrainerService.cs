using System.Collections.Concurrent;
using Eddy.Server.Hosting;
using Eddy.Server.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Eddy.Redis;

/// <summary>
/// The trainer role: runs a <see cref="ModelTrainer"/> for every model defined in Redis. Each competes for its model's
/// lease, so with several trainer processes every model has one writer and the others stand by.
/// </summary>
internal sealed class TrainerService : BackgroundService
{
    private readonly RedisBackend _backend;
    private readonly ModelFactory _factory;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly string _trainerId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, Running> _trainers = new(StringComparer.Ordinal);
    private volatile bool _synchronized;

    public TrainerService(RedisBackend backend, ModelFactory factory, ILoggerFactory loggers, System.Diagnostics.Metrics.IMeterFactory meters)
    {
        // Under the server's meter name, so /metrics exports them with the rest.
        System.Diagnostics.Metrics.Meter meter = meters.Create(new System.Diagnostics.Metrics.MeterOptions(Eddy.Server.Observability.ServerMetrics.MeterName));
        meter.CreateObservableGauge("eddy.trainer.writer", () => Observe(t => t.IsLeader ? 1 : 0), "{lease}", "1 while this trainer holds the model's lease (it is the writer), 0 while it stands by.");
        meter.CreateObservableGauge("eddy.trainer.position", () => Observe(t => t.Position), "{entry}", "Stream entries this trainer applied as the writer.");
        meter.CreateObservableGauge("eddy.trainer.version", () => Observe(t => t.Version), "{version}", "The last version this trainer published.");
        _backend = backend;
        _factory = factory;
        _loggers = loggers;
        _logger = loggers.CreateLogger("Eddy.Redis.Trainer");
    }

    public string? NotReadyReason => _synchronized ? null : $"the models have not been read from {_backend.Description} yet";

    /// <summary>Per model: whether this process is its writer, its last version and applied position.</summary>
    public SortedDictionary<string, Eddy.Server.ScaleOut.TrainingStatus> Status()
    {
        var status = new SortedDictionary<string, Eddy.Server.ScaleOut.TrainingStatus>(StringComparer.Ordinal);
        foreach (Running running in _trainers.Values)
        {
            ModelTrainer trainer = running.Trainer;
            status[trainer.Name] = new Eddy.Server.ScaleOut.TrainingStatus(trainer.IsLeader, trainer.Version, trainer.Position);
        }

        return status;
    }

    private List<System.Diagnostics.Metrics.Measurement<long>> Observe(Func<ModelTrainer, long> read)
    {
        var measurements = new List<System.Diagnostics.Metrics.Measurement<long>>();
        foreach (Running running in _trainers.Values)
        {
            measurements.Add(new(read(running.Trainer), new KeyValuePair<string, object?>("model", running.Trainer.Name)));
        }

        return measurements;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _backend.SubscribeAsync(_backend.Keys.Appended, (_, name) =>
            {
                if (_trainers.TryGetValue(name.ToString(), out Running? running))
                {
                    running.Trainer.Wake();
                }
            }, _logger, stoppingToken).ConfigureAwait(false);
            await _backend.SubscribeAsync(_backend.Keys.Lifecycle, (_, _) => _ = SynchronizeSafelyAsync(stoppingToken), _logger, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _logger.LogInformation("Trainer {Trainer} training the models defined in {Backend}.", _trainerId, _backend.Description);
        while (!stoppingToken.IsCancellationRequested)
        {
            await SynchronizeSafelyAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(_backend.Options.PollMs, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        foreach (string name in _trainers.Keys)
        {
            await StopAsync(name).ConfigureAwait(false);
        }
    }

    private async Task SynchronizeSafelyAsync(CancellationToken stopping)
    {
        try
        {
            List<RedisBackend.ModelRecord> models = await _backend.ListModelsAsync().ConfigureAwait(false);
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (RedisBackend.ModelRecord model in models)
            {
                defined.Add(model.Name);
                if (_trainers.TryGetValue(model.Name, out Running? running) && running.Trainer.Generation == model.Generation)
                {
                    continue;
                }

                await StopAsync(model.Name).ConfigureAwait(false);
                Start(_factory.FromLog(LogRecords.ReadModelCreated(model.Definition)), model.Generation, stopping);
            }

            foreach (string name in _trainers.Keys)
            {
                if (!defined.Contains(name))
                {
                    await StopAsync(name).ConfigureAwait(false);
                }
            }

            _synchronized = true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            if (!stopping.IsCancellationRequested)
            {
                _logger.LogWarning("Cannot read the models from {Backend}: {Error}.", _backend.Description, e.Message);
            }
        }
    }

    private void Start(ModelDefinition definition, long generation, CancellationToken stopping)
    {
        var trainer = new ModelTrainer(_backend, definition, generation, _trainerId, _loggers.CreateLogger($"Eddy.Trainer.{definition.Name}"));
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var running = new Running(trainer, cancellation);
        if (_trainers.TryAdd(definition.Name, running))
        {
            running.Task = Task.Run(() => trainer.RunAsync(cancellation.Token), CancellationToken.None);
        }
        else
        {
            cancellation.Dispose();
        }
    }

    private async Task StopAsync(string name)
    {
        if (_trainers.TryRemove(name, out Running? running))
        {
            await running.Cancellation.CancelAsync().ConfigureAwait(false);
            await running.Task.ConfigureAwait(false);
            running.Cancellation.Dispose();
        }
    }

    private sealed class Running(ModelTrainer trainer, CancellationTokenSource cancellation)
    {
        public ModelTrainer Trainer { get; } = trainer;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task Task { get; set; } = Task.CompletedTask;
    }
}
