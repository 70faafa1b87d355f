using Eddy.Base;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Server.Json;
using Eddy.Server.Monitoring;

namespace Eddy.Server.Hosting;

/// <summary>
/// Champion/challenger on the writer: challengers learn each example after the champion, the promotion rule runs after
/// the learn is numbered (before the watch), and a promotion swaps the learner's model in stream order — so readers see
/// it with the next replica, atomically, and a replay of the log promotes at the same learn.
/// </summary>
internal sealed partial class Learner
{
    private ChallengerSet? _challengers;

    // The model as it was right after it was last replaced (promotion, policy action) and the schema then: restoring
    // from an older replica after a failure must start there, not from the replica's (possibly other) model.
    private (long Sequence, Estimator Model, FeatureSchema Schema)? _replaced;

    /// <summary>A fresh instance of the champion's spec: the model's own, or a promoted challenger's.</summary>
    private Estimator ChampionPrototype => _challengers?.ChampionPrototype ?? _definition.Prototype;

    /// <summary>The writer's champion/challenger state (null without challengers); for tests and the host.</summary>
    internal ChallengerSet? Challengers => _challengers;

    /// <summary>The champion and challengers at this point of the stream (null without challengers).</summary>
    public ChallengerReport? ChallengerReport() => _challengers?.Report();

    /// <summary>The champion's score on the holdout now (NaN without one), stored with a snapshot.</summary>
    public double HoldoutScore() => _challengers?.HoldoutScore(Model, Schema) ?? double.NaN;

    /// <summary>
    /// Promotes a challenger by name (an admin write, logged by the host and replayed at recovery at the same point of the
    /// stream). Null when the model has no challenger of that name (or it is already champion).
    /// </summary>
    public ChallengerDecision? PromoteManually(string name)
    {
        if (_challengers?.Manual(name, Model, Schema) is not { } decision)
        {
            return null;
        }

        Promote(decision, Interlocked.Read(ref SequenceField));
        return decision;
    }

    private void ShadowChallengers(Label y, ClassificationPrediction? prediction, double predicted)
    {
        _challengers!.Observe(_x, y, prediction, predicted);
    }

    private void DecidePromotion(long sequence, RawExample raw, Label y)
    {
        if (_challengers!.Decide(sequence, raw, y, Model, Schema) is not { } decision)
        {
            return;
        }

        if (decision.Promoted)
        {
            Promote(decision, sequence);
        }
        else
        {
            RecordDecision("challenger", "held", decision, sequence);
        }
    }

    private void Promote(ChallengerDecision decision, long sequence)
    {
        Model = _challengers!.Promote(decision.Candidate, Model);

        // Rollback checkpoints hold the old champion's state (another spec, maybe): they no longer apply.
        _watch?.ForgetCheckpoints();
        ModelReplaced(sequence);
        RecordDecision("promotion", "promoted", decision, sequence);
    }

    /// <summary>The policy's <c>challenger</c> action: a fresh copy of the champion's spec, trained on the remembered window.</summary>
    private string StartChallenger(long sequence)
    {
        return _challengers!.Start(sequence, Retrained()).Name;
    }

    /// <summary>Records a policy-started challenger (after the alarm's own events).</summary>
    private void RecordStarted(string name, long sequence)
    {
        if (_monitor is not null)
        {
            int window = _watch!.Spec.Window;
            _monitor.Record("challenger", sequence, _time.GetUtcNow(), writer =>
            {
                writer.WriteString("decision"u8, "started");
                writer.WriteString("challenger"u8, name);
                writer.WriteString("reason"u8, "policy");
                writer.WriteNumber("window"u8, window);
            });
        }
    }

    private void ModelReplaced(long sequence) => _replaced = (sequence, Model.Clone(), Schema.Clone());

    /// <summary>Whether a replayed work is already in the replaced model <see cref="RestoreFrom"/> started from.</summary>
    private bool CoveredByReplacement(LearnWork work) => _replaced is { } replaced && work.Outcome.Sequence <= replaced.Sequence;

    /// <summary>Restores from the replaced model instead when it is newer than <paramref name="replica"/>.</summary>
    private bool RestoreReplaced(Replica replica)
    {
        if (_replaced is not { } replaced || (replaced.Sequence <= replica.Sequence && replica.Revision == Revision))
        {
            _replaced = null;
            return false;
        }

        Model = replaced.Model.Clone();
        Schema = replaced.Schema.Clone();
        return true;
    }

    private void WriteChallengerState(StateWriter writer)
    {
        writer.WriteBoolean(_challengers is not null);
        _challengers?.WriteState(writer);
    }

    /// <summary>Reads the challengers' state; the champion may be a promoted challenger, so the model is rebuilt from its spec.</summary>
    private void ReadChallengerState(StateReader reader)
    {
        bool has = !reader.AtEnd && reader.ReadBoolean();
        StateReader.Require(has == (_challengers is not null), "The watch state does not match the model's challengers.");
        if (_challengers is not null)
        {
            _challengers.ReadState(reader);
            Model = _challengers.ChampionPrototype.CloneFresh();
        }
    }

    private void RecordDecision(string type, string what, ChallengerDecision d, long sequence)
    {
        if (_monitor is null)
        {
            return;
        }

        _monitor.Record(type, sequence, _time.GetUtcNow(), writer =>
        {
            writer.WriteString("decision"u8, what);
            writer.WriteString("reason"u8, d.Reason);
            writer.WriteString("challenger"u8, d.Candidate);
            writer.WriteString("champion"u8, d.Champion);
            writer.WriteString("metric"u8, d.Metric);
            WriteNumber(writer, "challengerRolling"u8, d.CandidateRolling);
            WriteNumber(writer, "championRolling"u8, d.ChampionRolling);
            writer.WriteNumber("margin"u8, d.Margin);
            writer.WriteNumber("examples"u8, d.CandidateSeen);
            WriteNumber(writer, "challengerHoldout"u8, d.CandidateHoldout);
            WriteNumber(writer, "championHoldout"u8, d.ChampionHoldout);
        });
    }

    private static void WriteNumber(System.Text.Json.Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
