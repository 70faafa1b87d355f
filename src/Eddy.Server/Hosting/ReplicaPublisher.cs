using System.Diagnostics;
using Eddy.Base;
using Eddy.Server.Json;
using Eddy.Server.Monitoring;

namespace Eddy.Server.Hosting;

/// <summary>
/// The read side of a <see cref="ModelHost"/>: the published replica behind one volatile reference, and the learns the
/// writer applied since (kept until a replica covers them, to restore the writer's state after a failure). Used by the
/// writer only, except <see cref="Current"/>, which any thread reads.
/// </summary>
internal sealed class ReplicaPublisher
{
    private readonly Learner _learner;
    private readonly TimeProvider _time;
    private readonly ModelMonitor _monitor;
    private readonly List<LearnWork> _unpublished = [];
    private FeatureSchema _publishedSchema;
    private long _lastPublishTicks;
    private volatile Replica _current;

    public ReplicaPublisher(Learner learner, TimeProvider time, ModelMonitor monitor)
    {
        _learner = learner;
        _time = time;
        _monitor = monitor;
        _publishedSchema = learner.Schema.Clone();
        _current = learner.Snapshot(_publishedSchema, time.GetUtcNow());
        _lastPublishTicks = time.GetTimestamp();
    }

    /// <summary>The published replica; read it once per request and use that object throughout.</summary>
    public Replica Current => _current;

    /// <summary>Called after every publication (read-your-writes waiters wake on it).</summary>
    public Action? AfterPublish { get; init; }

    /// <summary>Learns applied but not yet in a published replica.</summary>
    public int Unpublished => _unpublished.Count;

    public TimeSpan SinceLastPublish => _time.GetElapsedTime(_lastPublishTicks);

    /// <summary>Records a learn the writer applied (in sequence order).</summary>
    public void Track(LearnWork work) => _unpublished.Add(work);

    /// <summary>A replica of the writer's state now, to publish once that state is durable.</summary>
    public Replica Capture()
    {
        if (_publishedSchema.Count != _learner.Schema.Count || _publishedSchema.SymbolCount != _learner.Schema.SymbolCount)
        {
            // The schema is append-only, so it only needs copying when it grew.
            _publishedSchema = _learner.Schema.Clone();
        }

        return _learner.Snapshot(_publishedSchema, _time.GetUtcNow());
    }

    /// <summary>The writer's schema was replaced (a new model version): copy it at the next capture, whatever its size.</summary>
    public void Rebase() => _publishedSchema = _learner.Schema.Clone();

    /// <summary>Publishes a captured replica; the learns it covers leave the restore list.</summary>
    public void Publish(Replica replica)
    {
        Debug.Assert(replica.Sequence >= _current.Sequence, "Replicas move forward.");
        _current = replica;
        _lastPublishTicks = _time.GetTimestamp();
        int covered = 0;
        while (covered < _unpublished.Count && _unpublished[covered].Outcome.Sequence <= replica.Sequence)
        {
            if (_unpublished[covered].Features is { } features)
            {
                RawExamplePool.Return(features);
            }

            covered++;
        }

        _unpublished.RemoveRange(0, covered);
        _monitor.Published(replica);
        AfterPublish?.Invoke();
    }

    /// <summary>Scale-out: serves a replica that was learned elsewhere (no local writer state to track).</summary>
    public void Adopt(Replica replica)
    {
        _current = replica;
        _lastPublishTicks = _time.GetTimestamp();
        _monitor.Published(replica);
        AfterPublish?.Invoke();
    }

    /// <summary>Publishes the writer's current state if anything is unpublished (or when forced).</summary>
    public void PublishNow(bool force)
    {
        if (_unpublished.Count > 0 || force)
        {
            Publish(Capture());
        }
    }

    /// <summary>Puts the writer back to the published state plus the learns applied since (after a failure).</summary>
    public void Restore()
    {
        _learner.RestoreFrom(_current);
        foreach (LearnWork applied in _unpublished)
        {
            _learner.Replay(applied);
        }
    }

    /// <summary>The writer's state is abandoned (storage failure): nothing more will be published from it.</summary>
    public void Abandon() => _unpublished.Clear();
}
