using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Eddy.Server.Persistence;
using Microsoft.Extensions.Options;

namespace Eddy.Server.Hosting;

/// <summary>
/// The server's models by name. Each is a fully isolated <see cref="ModelHost"/> with its own writer. Creating and
/// deleting a model is logged (and durable) before it is acknowledged, so a restart restores exactly the models that
/// were acknowledged.
/// </summary>
internal sealed class ModelRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ModelHost> _models = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly ModelHostOptions _hostOptions;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public ModelRegistry(IOptions<EddyServerOptions> options, TimeProvider time, ILoggerFactory loggers, ModelStore store)
    {
        EddyServerOptions o = options.Value;
        _hostOptions = new ModelHostOptions(o.PendingCapacity, o.PendingTtl, o.IdempotencyCapacity, o.SnapshotEvery, o.SnapshotInterval);
        _time = time;
        _loggers = loggers;
        Store = store;
        store.SnapshotWritten = TrimLog;
    }

    public ModelStore Store { get; }

    public ICollection<ModelHost> Models => _models.Values;

    public bool TryGet(string name, [NotNullWhen(true)] out ModelHost? host) => _models.TryGetValue(name, out host);

    /// <summary>Creates, logs and starts a model; null when the name is taken.</summary>
    public async Task<ModelHost?> CreateAsync(ModelDefinition definition)
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_models.ContainsKey(definition.Name))
            {
                return null;
            }

            long lsn = Store.AppendCreated(definition);
            await Store.WaitForDurableAsync(lsn).ConfigureAwait(false);
            ModelHost host = Attach(definition, lsn);
            host.Start();
            return host;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Creates or replaces a model from a snapshot (an upload): logged with the snapshot itself, so recovery rebuilds it
    /// from the log alone; the model's sequence continues from the snapshot's.
    /// </summary>
    public async Task<ModelHost> LoadAsync(ModelDefinition definition, ModelSnapshot snapshot)
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            long lsn = Store.AppendLoaded((snapshot with { Name = definition.Name, CoveredLsn = 0 }).Serialize());
            await Store.WaitForDurableAsync(lsn).ConfigureAwait(false);
            if (_models.TryRemove(definition.Name, out ModelHost? old))
            {
                await old.DisposeAsync().ConfigureAwait(false);
            }

            ModelHost host = Attach(definition, lsn);
            host.Load(snapshot with { CoveredLsn = lsn });
            host.Start();
            return host;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Changes a model's publication policy: logged and durable first, then applied in stream order.</summary>
    public async Task<ModelHost?> ReconfigureAsync(string name, PublicationPolicy publication)
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_models.TryGetValue(name, out ModelHost? host))
            {
                return null;
            }

            long lsn = Store.AppendReconfigured(name, publication);
            await Store.WaitForDurableAsync(lsn).ConfigureAwait(false);
            await host.ReconfigureAsync(publication).ConfigureAwait(false);
            return host;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Recovery: adds a model without logging or starting it.</summary>
    public ModelHost Attach(ModelDefinition definition, long creationLsn)
    {
        var host = new ModelHost(definition, _hostOptions, _time, _loggers.CreateLogger($"Eddy.Model.{definition.Name}"), Store, creationLsn);
        if (!_models.TryAdd(definition.Name, host))
        {
            throw new InvalidOperationException($"The model '{definition.Name}' exists twice.");
        }

        return host;
    }

    /// <summary>Recovery: drops a model replayed from a deletion record.</summary>
    public void Detach(string name) => _models.TryRemove(name, out _);

    /// <summary>Removes a model: logged first, then its writer stops (answering what is queued) and its snapshots go.</summary>
    public async Task<bool> DeleteAsync(string name)
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_models.TryRemove(name, out ModelHost? host))
            {
                return false;
            }

            await host.DisposeAsync().ConfigureAwait(false);
            long lsn = Store.AppendDeleted(name);
            await Store.WaitForDurableAsync(lsn).ConfigureAwait(false);
            Store.Snapshots.Delete(name);
            return true;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Drops log segments no model needs: each model needs the log from just after its newest snapshot, or from its
    /// creation record when it has none.
    /// </summary>
    public void TrimLog()
    {
        lock (_models)
        {
            TrimLogLocked();
        }
    }

    private void TrimLogLocked()
    {
        long keepFrom = long.MaxValue;
        foreach (ModelHost host in _models.Values)
        {
            long needed = host.SnapshotLsn > 0 ? host.SnapshotLsn + 1 : host.CreationLsn;
            keepFrom = Math.Min(keepFrom, needed);
        }

        if (keepFrom != long.MaxValue && keepFrom > 1)
        {
            Store.RemoveLogBefore(keepFrom);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ModelHost host in _models.Values)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        _models.Clear();
        await Store.DisposeAsync().ConfigureAwait(false);
    }
}
