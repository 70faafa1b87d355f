using Eddy.Base;
using Eddy.Server.Monitoring;
using Eddy.Server.Persistence;

namespace Eddy.Server.Hosting;

/// <summary>
/// Model versions on the writer: a change closes the current version (its scores and, for a restore later, its state)
/// and makes the next one, at one point of the stream — so recovery, replaying the change record there, ends the same.
/// </summary>
internal sealed partial class Learner
{
    private ModelRevisions _revisions;

    /// <summary>The current version number.</summary>
    public int Revision => _revisions.Current.Number;

    /// <summary>The version history (copy-on-write; the last one is current).</summary>
    public IReadOnlyList<ModelRevision> Revisions => _revisions.Items;

    /// <summary>
    /// Why <paramref name="change"/> cannot apply now (null when it can): a change that keeps the model but rebuilds the
    /// monitors would lose which spec a promoted challenger champion has; a restore needs the version's kept state.
    /// </summary>
    public string? Refuse(ModelChange change)
    {
        if (change.RestoredFrom > 0)
        {
            ModelRevision? kept = _revisions.Find(change.RestoredFrom);
            return kept is null || kept.IsCurrent || kept.State.IsEmpty
                ? $"Version {change.RestoredFrom} cannot be restored: only the {ModelRevisions.KeptStates} most recent earlier versions keep their state."
                : null;
        }

        return change.KeepsModel && change.FreshWatch && _challengers is not null && ChampionPrototype.ToString() != _definition.Prototype.ToString()
            ? "The champion is a promoted challenger; change the pipeline too (give the champion's spec) to change the monitors or metrics."
            : null;
    }

    /// <summary>
    /// Applies a change (validated by <see cref="Refuse"/>): the current version is superseded at the current sequence,
    /// the parts the change restarts are rebuilt from <see cref="ModelChange.Definition"/>, and a restore loads the
    /// restored version's kept state (model, metrics, monitors). The sequence goes on.
    /// </summary>
    public void Revise(ModelChange change, long atMs)
    {
        long sequence = Interlocked.Read(ref SequenceField);
        ModelSnapshot? restored = change.RestoredFrom > 0 ? ModelSnapshot.Deserialize(_revisions.Find(change.RestoredFrom)!.State) : null;
        (double[] scores, byte[] state, double holdout) = Closing();
        ModelDefinition definition = change.Definition;
        _definition = definition;
        if (change.FreshModel)
        {
            Model = definition.Prototype.CloneFresh();
            Schema = new FeatureSchema();
        }

        if (change.FreshMetrics)
        {
            _metrics = CreateMetrics(definition);
        }

        if (change.FreshWatch)
        {
            _watch = definition.Watch is { } watch ? new ModelWatch(watch, definition.MetricPrototypes) : null;
            _challengers = definition.Watch?.Challengers is { } challengers ? new ChallengerSet(challengers, definition.Prototype, definition.MetricPrototypes) : null;
        }

        if (restored is not null)
        {
            LoadState(restored);
        }

        _revisions.Supersede(sequence, scores, holdout, state, definition, atMs, change.Kind, change.RestoredFrom);

        // Restoring after an estimator failure must start from this model, not from a replica of the version before.
        _replaced = null;
        ModelReplaced(sequence);
    }

    /// <summary>
    /// The version history a model uploaded in place of this one continues (serialized for its snapshot): this model's
    /// current version closes with its scores and state (restorable like any superseded version), the upload is next.
    /// Only once this model's writer has stopped.
    /// </summary>
    public byte[] HistoryContinuedBy(ModelDefinition loaded, long loadedSequence, long atMs)
    {
        (double[] scores, byte[] state, double holdout) = Closing();
        return _revisions.ContinuedBy(Interlocked.Read(ref SequenceField), scores, holdout, state, loaded, atMs, loadedSequence);
    }

    /// <summary>What the current version keeps when it is superseded: its metric values, its full state, its holdout score.</summary>
    private (double[] Scores, byte[] State, double Holdout) Closing()
    {
        var scores = new double[_metrics.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = _metrics[i].Value;
        }

        return (scores, (Capture(_definition, 0) with { Revisions = default }).Serialize(), HoldoutScore());
    }
}
