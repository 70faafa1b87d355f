using System.Diagnostics.Metrics;
using Eddy.Server.Hosting;

namespace Eddy.Server.Observability;

/// <summary>
/// Eddy's instruments, exported at <c>/metrics</c> in Prometheus' text format. Everything per model is observed when
/// scraped, from counters the read and write paths keep anyway, so telemetry costs the hot paths nothing.
/// </summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "Eddy.Server";

    private readonly ModelRegistry _registry;
    private readonly TimeProvider _time;

    public ServerMetrics(IMeterFactory meters, ModelRegistry registry, TimeProvider time)
    {
        _registry = registry;
        _time = time;
        Meter meter = meters.Create(MeterName);
        meter.CreateObservableCounter("eddy.model.learns", ObserveLearns, "{example}", "Examples the model has learned (its sequence).");
        meter.CreateObservableCounter("eddy.model.predictions", ObservePredictions, "{prediction}", "Predictions served from the published replica.");
        meter.CreateObservableGauge("eddy.replica.sequence", ObserveReplicaSequence, "{example}", "Learns the published replica includes.");
        meter.CreateObservableGauge("eddy.replica.lag", ObserveReplicaLag, "{example}", "Learns applied by the writer but not yet visible to predictions.");
        meter.CreateObservableGauge("eddy.replica.age", ObserveReplicaAge, "s", "Time since the replica was published.");
        meter.CreateObservableGauge("eddy.model.metric", ObserveMetrics, null, "Progressive validation metrics, over the whole stream (window=global) and the rolling window.");
        meter.CreateObservableGauge("eddy.model.pending", ObservePending, "{prediction}", "Predictions waiting for their label.");
        meter.CreateObservableGauge("eddy.model.features", ObserveFeatures, "{feature}", "Feature names the model has interned.");
        meter.CreateObservableCounter("eddy.model.drift_alarms", () => PerModel(host => host.Monitor.Alarms), "{alarm}", "Monitor alarms (drift or metric) raised on the model.");
        meter.CreateObservableCounter("eddy.model.policy_actions", () => PerModel(host => host.Monitor.Actions), "{action}", "Actions its policy took (alert, reset, rollback, retrain).");
        meter.CreateObservableGauge("eddy.replica.version", () => PerModel(host => host.Replica.Version), "{version}", "Scale-out: the published version the replica is.");
        meter.CreateObservableGauge("eddy.replica.staleness", () => PerModel(host => host.BehindExamples), "{example}", "Scale-out: stream entries the replica does not cover yet.");
        meter.CreateObservableGauge("eddy.replica.staleness_time", ObserveStalenessTime, "s", "Scale-out: how long the oldest entry the replica does not cover has waited.");
        if (registry.Store is { } store)
        {
            meter.CreateObservableCounter("eddy.model.snapshots", () => PerModel(host => host.SnapshotsWritten), "{snapshot}", "Snapshots written (verified) since the server started.");
            meter.CreateObservableCounter(
                "eddy.model.snapshot_failures", () => PerModel(host => host.SnapshotFailures), "{snapshot}", "Snapshots that failed since the server started; the log still has every record.");
            meter.CreateObservableGauge("eddy.model.snapshot_sequence", () => PerModel(host => host.SnapshotSequence), "{example}", "Learns the newest snapshot on disk covers.");
            meter.CreateObservableCounter("eddy.wal.records", () => store.Log.Statistics.Records, "{record}", "Records appended to the write-ahead log.");
            meter.CreateObservableCounter("eddy.wal.bytes", () => store.Log.Statistics.Bytes, "By", "Bytes appended to the write-ahead log.");
            meter.CreateObservableCounter("eddy.wal.commits", () => store.Log.Statistics.Commits, "{commit}", "Group commits written by the log's flusher.");
            meter.CreateObservableCounter("eddy.wal.syncs", () => store.Log.Statistics.Syncs, "{sync}", "fsync calls (0 with OsBuffered durability).");
            meter.CreateObservableCounter(
                "eddy.wal.short_commits", () => store.Log.Statistics.ShortCommits, "{commit}", "Group commits that synced with fewer records than expected after waiting a sync's time.");
        }
    }

    private static KeyValuePair<string, object?> ModelTag(ModelHost host) => new("model", host.Name);

    private List<Measurement<long>> ObserveLearns() => PerModel(host => host.Sequence);

    private List<Measurement<long>> ObservePredictions() => PerModel(host => host.Predictions);

    private List<Measurement<long>> ObserveReplicaSequence() => PerModel(host => host.Replica.Sequence);

    private List<Measurement<long>> ObserveReplicaLag() => PerModel(host => Math.Max(0, host.Sequence - host.Replica.Sequence));

    private List<Measurement<long>> ObservePending() => PerModel(host => host.Pending.Waiting);

    private List<Measurement<long>> ObserveFeatures() => PerModel(host => host.Replica.Schema.Count);

    private List<Measurement<double>> ObserveStalenessTime()
    {
        var measurements = new List<Measurement<double>>();
        foreach (ModelHost host in _registry.Models)
        {
            measurements.Add(new(host.BehindMs / 1000, ModelTag(host)));
        }

        return measurements;
    }

    private List<Measurement<double>> ObserveReplicaAge()
    {
        DateTimeOffset now = _time.GetUtcNow();
        var measurements = new List<Measurement<double>>();
        foreach (ModelHost host in _registry.Models)
        {
            measurements.Add(new((now - host.Replica.PublishedAt).TotalSeconds, ModelTag(host)));
        }

        return measurements;
    }

    private List<Measurement<double>> ObserveMetrics()
    {
        var measurements = new List<Measurement<double>>();
        foreach (ModelHost host in _registry.Models)
        {
            Replica replica = host.Replica;
            ModelDefinition definition = host.Definition;
            int count = definition.MetricPrototypes.Count;
            for (int i = 0; i < count; i++)
            {
                string metric = definition.MetricPrototypes[i].Name;
                Add(measurements, replica.MetricValues[i], host, metric, "global");
                Add(measurements, replica.MetricValues[count + i], host, metric, "rolling");
            }
        }

        return measurements;

        static void Add(List<Measurement<double>> measurements, double value, ModelHost host, string metric, string window)
        {
            // A metric with nothing scored yet is NaN; Prometheus would keep it, but an absent sample reads better.
            if (double.IsFinite(value))
            {
                measurements.Add(new(value, ModelTag(host), new("metric", metric), new("window", window)));
            }
        }
    }

    private List<Measurement<long>> PerModel(Func<ModelHost, long> read)
    {
        var measurements = new List<Measurement<long>>();
        foreach (ModelHost host in _registry.Models)
        {
            measurements.Add(new(read(host), ModelTag(host)));
        }

        return measurements;
    }
}
