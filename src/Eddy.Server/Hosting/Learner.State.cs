using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Server.Persistence;

namespace Eddy.Server.Hosting;

/// <summary>The learner's durable state: what a snapshot captures and how it is loaded back.</summary>
internal sealed partial class Learner
{
    /// <summary>The state to snapshot: model with schema, metrics, sequence, and the log position it covers.</summary>
    public ModelSnapshot Capture(ModelDefinition definition, long coveredLsn)
    {
        var metrics = new ReadOnlyMemory<byte>[_metrics.Length];
        for (int i = 0; i < metrics.Length; i++)
        {
            metrics[i] = _metrics[i].SerializeState();
        }

        return new ModelSnapshot(
            definition.Name,
            definition.Spec,
            definition.Publication.EveryLearns,
            definition.Publication.EveryMilliseconds,
            definition.RollingWindow,
            Interlocked.Read(ref SequenceField),
            coveredLsn,
            EstimatorSnapshot.Save(Model, Schema),
            metrics,
            definition.Watch?.ToJson(),
            WatchState(),
            definition.Output?.ToJson())
        {
            HoldoutScore = HoldoutScore(),
            Revisions = _revisions.Serialize(),
        };
    }

    /// <summary>Loads a snapshot's state (recovery, or verification of a snapshot before it is written).</summary>
    public void Load(ModelSnapshot snapshot)
    {
        LoadState(snapshot);
        _revisions = ModelRevisions.Read(snapshot.Revisions, _definition);
        Interlocked.Exchange(ref SequenceField, snapshot.Sequence);
    }

    /// <summary>Loads a snapshot's model, metrics and monitors, not its sequence nor its version history.</summary>
    private void LoadState(ModelSnapshot snapshot)
    {
        StateReader.Require(snapshot.Metrics.Count == _metrics.Length, $"The snapshot has {snapshot.Metrics.Count} metric states; the model tracks {_metrics.Length}.");
        if (_watch is not null)
        {
            // First: with challengers, the champion may be a promoted one, whose spec the estimator state is of.
            StateReader.Require(!snapshot.WatchState.IsEmpty, "The snapshot has no state for the model's monitors.");
            var reader = new StateReader(snapshot.WatchState);
            _watch.ReadState(reader);
            ReadChallengerState(reader);
        }

        EstimatorSnapshot.Load(snapshot.Estimator, Model, Schema);
        for (int i = 0; i < _metrics.Length; i++)
        {
            _metrics[i].ReadState(new StateReader(snapshot.Metrics[i]));
        }
    }

    private ReadOnlyMemory<byte> WatchState()
    {
        if (_watch is null)
        {
            return default;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        var writer = new StateWriter(buffer);
        _watch.WriteState(writer);
        WriteChallengerState(writer);
        return buffer.WrittenMemory;
    }

    /// <summary>All metrics' state, concatenated (for comparisons).</summary>
    public byte[] MetricState()
    {
        var all = new List<byte>();
        foreach (Metric metric in _metrics)
        {
            all.AddRange(metric.SerializeState());
        }

        return [.. all];
    }
}
