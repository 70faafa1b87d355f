using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Eddy.Server.Persistence;
using Eddy.Server.Problems;
using Eddy.Server.ScaleOut;
using Microsoft.Extensions.Options;

namespace Eddy.Server.Hosting;

/// <summary>
/// The server's models by name. Each is a fully isolated <see cref="ModelHost"/> with its own writer. Creating and
/// deleting a model is logged (and durable) before it is acknowledged, so a restart restores exactly the models that
/// were acknowledged. Scaled out, there is no local log: the backend (<see cref="ScaleOut"/>) defines and deletes
/// models for every process, and attaches them here.
/// </summary>
internal sealed class ModelRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ModelHost> _models = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly ModelHostOptions _hostOptions;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public ModelRegistry(IOptions<EddyServerOptions> options, TimeProvider time, ILoggerFactory loggers, ModelStore? store)
    {
        EddyServerOptions o = options.Value;
        _hostOptions = new ModelHostOptions(o.PendingCapacity, o.PendingTtl, o.IdempotencyCapacity, o.SnapshotEvery, o.SnapshotInterval, o.BacklogBytes);
        _time = time;
        _loggers = loggers;
        Store = store;
        if (store is not null)
        {
            store.SnapshotWritten = TrimLog;
        }
    }

    /// <summary>The local log and snapshots; null when scaled out.</summary>
    public ModelStore? Store { get; }

    /// <summary>The scale-out backend, when there is one (set once, before the server listens).</summary>
    public IScaleOut? ScaleOut { get; set; }

    public ICollection<ModelHost> Models => _models.Values;

    public bool TryGet(string name, [NotNullWhen(true)] out ModelHost? host) => _models.TryGetValue(name, out host);

    /// <summary>Creates, logs and starts a model; null when the name is taken.</summary>
    public async Task<ModelHost?> CreateAsync(ModelDefinition definition)
    {
        if (ScaleOut is { } scaleOut)
        {
            return await scaleOut.CreateModelAsync(definition, CancellationToken.None).ConfigureAwait(false);
        }

        ModelStore store = LocalStore();
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_models.ContainsKey(definition.Name))
            {
                return null;
            }

            long lsn = store.AppendCreated(definition);
            await store.WaitForDurableAsync(lsn).ConfigureAwait(false);
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
        ModelStore store = LocalStore();
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            ModelSnapshot logged = snapshot with { Name = definition.Name, CoveredLsn = 0 };
            if (_models.TryRemove(definition.Name, out ModelHost? old))
            {
                // Stopped first, so none of its learns is logged after the upload, and the upload becomes its next
                // version: the history goes into the logged snapshot, so recovery reads it back as it is.
                await old.DisposeAsync().ConfigureAwait(false);
                logged = logged with { Revisions = old.HistoryContinuedBy(definition, snapshot.Sequence, _time.GetUtcNow().ToUnixTimeMilliseconds()) };
            }

            long lsn = store.AppendLoaded(logged.Serialize());
            await store.WaitForDurableAsync(lsn).ConfigureAwait(false);
            ModelHost host = Attach(definition, lsn);
            host.Load(logged with { CoveredLsn = lsn });
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
        ModelStore store = LocalStore();
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_models.TryGetValue(name, out ModelHost? host))
            {
                return null;
            }

            long lsn = store.AppendReconfigured(name, publication);
            await store.WaitForDurableAsync(lsn).ConfigureAwait(false);
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
        var host = new ModelHost(definition, _hostOptions, _time, _loggers.CreateLogger($"Eddy.Model.{definition.Name}"), LocalStore(), creationLsn);
        if (!_models.TryAdd(definition.Name, host))
        {
            throw new InvalidOperationException($"The model '{definition.Name}' exists twice.");
        }

        return host;
    }

    /// <summary>Recovery: drops a model replayed from a deletion record.</summary>
    public void Detach(string name) => _models.TryRemove(name, out _);

    /// <summary>Scale-out: serves a model defined in the backend, learning through its shared stream.</summary>
    public ModelHost AttachRemote(ModelDefinition definition, IRemoteModelLog log)
    {
        var host = new ModelHost(definition, _hostOptions, _time, _loggers.CreateLogger($"Eddy.Model.{definition.Name}"), store: null, creationLsn: 0, log);
        if (!_models.TryAdd(definition.Name, host))
        {
            throw new InvalidOperationException($"The model '{definition.Name}' exists twice.");
        }

        host.Start();
        return host;
    }

    /// <summary>Scale-out: stops serving a model deleted in the backend.</summary>
    public async Task DetachRemoteAsync(string name)
    {
        if (_models.TryRemove(name, out ModelHost? host))
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The local store, or a 409 for operations a scale-out server leaves to the trainer and the backend.</summary>
    public ModelStore LocalStore([System.Runtime.CompilerServices.CallerMemberName] string operation = "") =>
        Store ?? throw new ClientErrorException(
            ProblemKind.NotInScaleOut,
            $"{operation.Replace("Async", "", StringComparison.Ordinal)} is not available when the models live in {ScaleOut?.Description ?? "a scale-out backend"}: "
            + "publication follows the trainer's cadence, and uploads and backups go through the backend's own tools.");

    /// <summary>Removes a model: logged first, then its writer stops (answering what is queued) and its snapshots go.</summary>
    public async Task<bool> DeleteAsync(string name)
    {
        if (ScaleOut is { } scaleOut)
        {
            return await scaleOut.DeleteModelAsync(name, CancellationToken.None).ConfigureAwait(false);
        }

        ModelStore store = LocalStore();
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_models.TryRemove(name, out ModelHost? host))
            {
                return false;
            }

            await host.DisposeAsync().ConfigureAwait(false);
            long lsn = store.AppendDeleted(name);
            await store.WaitForDurableAsync(lsn).ConfigureAwait(false);
            store.Snapshots.Delete(name);
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
        if (Store is null)
        {
            return;
        }

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
            Store!.RemoveLogBefore(keepFrom);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ModelHost host in _models.Values)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        _models.Clear();
        if (Store is not null)
        {
            await Store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
