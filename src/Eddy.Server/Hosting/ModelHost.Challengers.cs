using Eddy.Base;
using Eddy.Server.Monitoring;
using Eddy.Server.Problems;
using Eddy.Storage;

namespace Eddy.Server.Hosting;

/// <summary>
/// Manual promotion: an admin write that goes through the writer like a learn, so it is applied and logged at one point of
/// the model's stream, and recovery repeats it there.
/// </summary>
internal sealed partial class ModelHost
{
    /// <summary>Promotes a challenger now; completes when the promotion is durable and published.</summary>
    public Task<LearnOutcome> PromoteAsync(string challenger) =>
        LearnAsync(new LearnWork(null, Label.None, null, null) { PromoteChallenger = challenger });

    /// <summary>Recovery: applies a logged promotion (before <see cref="Start"/>).</summary>
    public void ReplayPromotion(string challenger, long lsn)
    {
        if (_learner.PromoteManually(challenger) is null)
        {
            throw new WalCorruptException($"Replaying the log of model '{Name}': the promotion of '{challenger}' at LSN {lsn} does not apply.");
        }

        _lastLsn = lsn;
    }

    /// <summary>On the writer: promotes, logs the promotion after it applied, and answers with the sequence it happened at.</summary>
    private bool ApplyPromotion(LearnWork work, string challenger, ref long lastLsn)
    {
        if (_storageFailure is not null)
        {
            work.Outcome = StorageFailed();
            return false;
        }

        ChallengerReport? report = _learner.ChallengerReport();
        ContenderReport? contender = null;
        foreach (ContenderReport c in report?.Contenders ?? [])
        {
            contender = c.Name == challenger ? c : contender;
        }

        if (contender is null || contender.Champion)
        {
            work.Outcome = contender is null
                ? LearnOutcome.Refused(ProblemKind.ChallengerNotFound, $"The model '{Name}' has no challenger named '{challenger}'.", "challenger")
                : LearnOutcome.Refused(ProblemKind.AlreadyChampion, $"'{challenger}' is already the champion of '{Name}'.", "challenger");
            return false;
        }

        _learner.PromoteManually(challenger);
        if (_store is not null)
        {
            lastLsn = _store.AppendPromoted(Name, challenger);
        }

        work.Outcome = new LearnOutcome(LearnStatus.Learned, Sequence, double.NaN);
        return true;
    }
}
