using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Eddy.Server.Hosting;

/// <summary>The server's models by name. Each is a fully isolated <see cref="ModelHost"/> with its own writer.</summary>
internal sealed class ModelRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ModelHost> _models = new(StringComparer.Ordinal);
    private readonly ModelHostOptions _hostOptions;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public ModelRegistry(IOptions<EddyServerOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        EddyServerOptions o = options.Value;
        _hostOptions = new ModelHostOptions(o.PendingCapacity, o.PendingTtl, o.IdempotencyCapacity);
        _time = time;
        _loggers = loggers;
    }

    public ICollection<ModelHost> Models => _models.Values;

    public bool TryGet(string name, [NotNullWhen(true)] out ModelHost? host) => _models.TryGetValue(name, out host);

    /// <summary>Creates and starts a model; false when the name is taken.</summary>
    public bool TryCreate(ModelDefinition definition, [NotNullWhen(true)] out ModelHost? host)
    {
        // The host starts a writer task, so only build it once the name is known to be free.
        host = null;
        if (_models.ContainsKey(definition.Name))
        {
            return false;
        }

        var created = new ModelHost(definition, _hostOptions, _time, _loggers.CreateLogger($"Eddy.Model.{definition.Name}"));
        if (!_models.TryAdd(definition.Name, created))
        {
            _ = created.DisposeAsync().AsTask();
            return false;
        }

        host = created;
        return true;
    }

    /// <summary>Removes a model; queued learns are answered before it stops.</summary>
    public async Task<bool> DeleteAsync(string name)
    {
        if (!_models.TryRemove(name, out ModelHost? host))
        {
            return false;
        }

        await host.DisposeAsync().ConfigureAwait(false);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ModelHost host in _models.Values)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        _models.Clear();
    }
}
