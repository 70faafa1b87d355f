using Eddy.Datasets;
using Eddy.Drift;
using Eddy.Ensembles;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;

namespace Eddy.Tests.Ensembles;

public sealed class ADWINBaggingClassifierTests
{
    private static ADWINBaggingClassifier DocstringModel() =>
        new(new StandardScaler() | new LogisticRegression(), nModels: 3, seed: 42);

    // River's docstring prints "F1: 87.65%" (two decimals of a percentage): the tolerance is half the last digit.
    [Fact]
    public void RiverDocstring_PhishingScaledLogisticRegression_F1()
    {
        Checkpoint result = ProgressiveValidation.Score(DocstringModel(), RiverDatasets.Phishing(), [new F1()]);

        Assert.InRange(result.Values[0], 0.87645, 0.87655);
    }

    [Fact]
    public void LearnOne_Seed42_SameDrawsAsBaggingAndOneDetectorUpdatePerRow()
    {
        var model = new ADWINBaggingClassifier(new StubClassifier(), nModels: 3, seed: 42);

        StubClassifier.Feed(model, 100);

        Assert.Equal([110, 107, 103], StubClassifier.LearnCounts(model.Models));
        Assert.All(model.DriftDetectors, d => Assert.Equal(100, d.Width));

        // River feeds int(y_pred == y): the stub predicts False, right on two rows out of three.
        Assert.All(model.DriftDetectors, d => Assert.Equal(66, d.Total));
    }

    [Fact]
    public void LearnOne_AccuracyRises_ReplacesTheMemberWithTheHighestEstimate()
    {
        // Members start right after 40 lessons; the Poisson draws make some get there first. Their detectors see
        // correctness jump from 0 to 1, a drift with a rising estimate.
        var model = new ADWINBaggingClassifier(new StubClassifier(switchAfter: 40), nModels: 4, seed: 5);
        int replaced = -1;
        for (int row = 0; row < 400 && replaced < 0; row++)
        {
            var before = (ADWINBaggingClassifier)model.Clone();
            StubClassifier.Feed(model, 1, _ => true);
            for (int i = 0; i < model.NModels; i++)
            {
                if (!ReferenceEquals(model.DriftDetectors[i], before.DriftDetectors[i]) && model.DriftDetectors[i].Width == 0)
                {
                    replaced = i;
                    Assert.Equal(0, ((StubClassifier)model.Models[i]).Learned);
                    Assert.Equal(Leader(before), i);
                }
            }
        }

        Assert.True(replaced >= 0, "No member was replaced.");
    }

    /// <summary>The member whose detector estimated the highest accuracy before the step (first on ties).</summary>
    private static int Leader(ADWINBaggingClassifier model)
    {
        int best = 0;
        for (int i = 1; i < model.NModels; i++)
        {
            if (model.DriftDetectors[i].Estimation > model.DriftDetectors[best].Estimation)
            {
                best = i;
            }
        }

        return best;
    }

    [Fact]
    public void Replay_FullPhishingWithSnapshotHalfway_BitIdentical() =>
        EnsembleChecks.AssertReplayAndRoundTrip(DocstringModel, RiverDatasets.Phishing());

    [Fact]
    public void Constructor_Always_OneDefaultAdwinPerMember()
    {
        var model = new ADWINBaggingClassifier(new LogisticRegression(), nModels: 4);

        Assert.Equal(4, model.DriftDetectors.Count);
        Assert.All(model.DriftDetectors, d => Assert.Equal(new ADWIN().ToString(), d.ToString()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ADWINBaggingClassifier(new LogisticRegression(), nModels: 0));
    }
}
