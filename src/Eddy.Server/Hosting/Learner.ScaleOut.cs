using Eddy.Base;
using Eddy.Server.Json;
using Eddy.Server.Problems;

namespace Eddy.Server.Hosting;

/// <summary>What a scale-out server and bulk ingestion need of a learner: checking a learn against a replica, and a loaded version as a replica.</summary>
internal sealed partial class Learner
{
    [ThreadStatic]
    private static FeatureVector? s_check;

    /// <summary>
    /// Scale-out: checks a learn against a published replica without changing anything, so a server refuses bad input
    /// before it reaches the shared stream (the trainer would refuse it the same way; only an update that would overflow
    /// is found by learning). Null when the learn is acceptable.
    /// </summary>
    public static LearnOutcome? Check(Replica replica, LearnWork work) => Check(replica, work.Features, work.Y);

    /// <summary>Whether the replica's model takes <paramref name="y"/> as a label (finite numeric features need no check).</summary>
    public static bool AcceptsLabel(Replica replica, Label y) => Check(replica, null, y) is null;

    /// <summary>Checks features (null for a pending id) and a label against a replica; null when acceptable.</summary>
    public static LearnOutcome? Check(Replica replica, RawExample? features, Label y)
    {
        try
        {
            ValidateLabel(replica.Model, y);
            if (features is { NeedsCheck: true } raw)
            {
                FeatureVector x = s_check ??= new FeatureVector(replica.Schema);
                x.Reset(replica.Schema, interning: false);
                raw.Fill(x);
                replica.Model.ValidateInput(x);
            }

            return null;
        }
        catch (InvalidLabelException e)
        {
            return LearnOutcome.Refused(ProblemKind.InvalidLabel, e.Message, "y");
        }
        catch (InvalidFeatureException e)
        {
            return LearnOutcome.Refused(ProblemKind.InvalidFeature, e.Message, "x." + e.FeatureName);
        }
    }

    /// <summary>
    /// Scale-out: this learner's state as a replica, handing over the model itself (the learner was built only to load a
    /// published snapshot and is dropped after this).
    /// </summary>
    public Replica ToReplica(long version, long offset, DateTimeOffset publishedAt)
    {
        var values = new double[_metrics.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _metrics[i].Value;
        }

        return new Replica(Model, Schema, Interlocked.Read(ref SequenceField), values, publishedAt) { Version = version, Offset = offset, Features = _watch?.FeatureReport(), Challengers = _challengers?.Report(), Revisions = _revisions.Items, Output = _definition.Output };
    }
}
