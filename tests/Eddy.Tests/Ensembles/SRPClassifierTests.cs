using Eddy.Base;
using Eddy.Datasets;
using Eddy.Datasets.Synth;
using Eddy.Ensembles;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Tests.Support;
using Eddy.Trees;

namespace Eddy.Tests.Ensembles;

public sealed class SRPClassifierTests
{
    private static Dataset Drifting() => new ConceptDriftStream(seed: 42, position: 500, width: 50).Take(1000);

    private static SRPClassifier DocstringModel() => new(
        new HoeffdingTreeClassifier(gracePeriod: 50, delta: 0.01, nominalAttributes: ["age", "car", "zipcode"]), nModels: 3, seed: 42);

    [Fact]
    public void Docstring_ConceptDriftStream_CloseToRiver()
    {
        // River: ensemble.SRPClassifier(model=HoeffdingTreeClassifier(grace_period=50, delta=0.01,
        // nominal_attributes=['age', 'car', 'zipcode']), n_models=3, seed=42) on
        // ConceptDriftStream(seed=42, position=500, width=50).take(1000): Accuracy 72.77% (727 of 999).
        // Eddy scores 723. The gap is explained: with all three River behaviours below, Eddy scored exactly 727 of 999
        // (checked by temporary changes, then reverted as shown):
        // 1. Landed: River's metric.clone() deep-copies the Accuracy's confusion matrix (a constructor argument), so
        //    a background learner's metric is the member's score at the warning and a reset without a background
        //    learner keeps the score (SRPMember.MetricSurvivesReset). Alone: 721 -> 723.
        // 2. Not landed (breaks the pure-predict contract): NominalSplitterClassif.cond_proba reads through
        //    defaultdicts, so every naive Bayes vote (predictions too) inserts a zero count for the example's
        //    category under each voting class. A multiway split then builds one child per key (sorted) while its
        //    value map holds only learned categories (sorted), shifting the children's initial stats; it matters in
        //    SRP because members predict on examples that Poisson(6) = 0 keeps them from learning.
        // 3. Not landed (River's current ADWIN, used elsewhere, differs): the adwin_c.pyx this docstring ran with
        //    tests cuts with `for k in range(bucket.current_idx - 1)` (skipping each row's newest bucket) while keeping
        //    the restart after a drift; Eddy's ADWIN tries every bucket, as River's newest code does.
        // Results (accuracy count of 999): none 721; 1 723; 2 707; 3 719; 2+3 723; 1+2 703; 1+2+3 727.
        // Ruled out (no change at 721): CPython set order of numeric categories for tied one-vs-rest splits; the
        // legacy ADWIN window that only shrinks after a drift behaves as 3 here. Checked equal by reading River:
        // draw order (predict, metric update, Poisson per member from one rng; subspaces from combinations,
        // shuffled; rng.sample for warnings and resets), detector input (the updated model's 0/1 error on the
        // subspace), background learners (never detect; swapped in with fresh detectors), weighted vote (metric > 0).
        Checkpoint result = ProgressiveValidation.Score(DocstringModel(), Drifting(), [new Accuracy()]);
        Assert.Equal(999, result.Scored);
        Assert.Equal(723.0 / 999, result.Values[0]);
        Assert.InRange(result.Values[0], 0.7277 - 0.005, 0.7277 + 0.005);
    }

    [Fact]
    public void LearnOne_LowDimension_AssignsShuffledCombinations()
    {
        // Python: 9 features, round(9 * 0.6) = 5, the first 3 of itertools.combinations(features, 5), placed by
        // random.Random(42).shuffle([0, 1, 2]) == [1, 0, 2].
        var model = new SRPClassifier(nModels: 3, seed: 42);
        FeatureSchema schema = Harness.Train(model, Drifting(), 1);
        IReadOnlyList<IReadOnlyList<string>?> subspaces = model.Subspaces(schema);
        Assert.Equal(["salary", "commission", "age", "elevel", "zipcode"], subspaces[0]);
        Assert.Equal(["salary", "commission", "age", "elevel", "car"], subspaces[1]);
        Assert.Equal(["salary", "commission", "age", "elevel", "hvalue"], subspaces[2]);
    }

    [Fact]
    public void LearnOne_HighDimension_SamplesSubspacesLikePython()
    {
        // Python: r = random.Random(7); [r.sample(features, 15) for _ in range(2)], then r.shuffle([0, 1]).
        var model = new SRPClassifier(nModels: 2, seed: 7);
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        for (int i = 0; i < 25; i++)
        {
            x.Set($"f{i}", i);
        }

        model.LearnOne(x, Label.FromText("a"));
        IReadOnlyList<IReadOnlyList<string>?> subspaces = model.Subspaces(schema);
        Assert.Equal(["f10", "f4", "f12", "f20", "f1", "f2", "f17", "f3", "f11", "f21", "f14", "f8", "f18", "f0", "f15"], subspaces[0]);
        Assert.Equal(["f13", "f24", "f2", "f7", "f22", "f17", "f23", "f1", "f3", "f21", "f10", "f14", "f9", "f0", "f12"], subspaces[1]);
    }

    [Theory]
    [InlineData("resampling", "0.6")]
    [InlineData("patches", "1.0")]
    [InlineData("subspaces", "9")]
    public void LearnOne_ResamplingOrNoProperSubspace_MembersSeeEveryFeature(string method, string size)
    {
        // River falls back to resampling when k is not below the feature count.
        var model = new SRPClassifier(nModels: 3, subspaceSize: size, trainingMethod: method, seed: 1);
        FeatureSchema schema = Harness.Train(model, Drifting(), 10);
        Assert.All(model.Subspaces(schema), Assert.Null);
    }

    [Fact]
    public void LearnOne_SqrtSubspaces_TakeRoundedRootPlusOne()
    {
        var model = new SRPClassifier(nModels: 4, subspaceSize: "sqrt", trainingMethod: "subspaces", seed: 3);
        FeatureSchema schema = Harness.Train(model, Drifting(), 10);
        Assert.All(model.Subspaces(schema), s => Assert.Equal(4, s!.Count));
    }

    [Fact]
    public void LearnOne_DriftingStream_DetectsWarningsAndDrifts()
    {
        SRPClassifier model = DocstringModel();
        Harness.Train(model, Drifting(), 1000);
        Assert.True(model.WarningCounts.Sum() > 0);
        Assert.True(model.DriftCounts.Sum() > 0);
    }

    [Fact]
    public void LearnOne_DetectorsDisabled_NeverResets()
    {
        var model = new SRPClassifier(nModels: 3, disableDetector: "drift", seed: 42);
        Harness.Train(model, Drifting(), 1000);
        Assert.Equal(0, model.WarningCounts.Sum() + model.DriftCounts.Sum());
    }

    [Theory]
    [InlineData("off")]
    [InlineData("warning")]
    public void Learn_SameSeedTwice_BitIdenticalAndRestorable(string disable) =>
        EnsembleChecks.AssertReplayAndRoundTrip(() => new SRPClassifier(nModels: 3, disableDetector: disable, seed: 5), Drifting());

    [Fact]
    public void Learn_OtherSeed_OtherState()
    {
        var a = new SRPClassifier(nModels: 3, seed: 7);
        var b = new SRPClassifier(nModels: 3, seed: 8);
        Harness.Train(a, Drifting(), 300);
        Harness.Train(b, Drifting(), 300);
        Assert.NotEqual(a.SerializeState(), b.SerializeState());
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new SRPClassifier(nModels: 3, seed: 1), RiverDatasets.Phishing(), Label.None);

    [Fact]
    public void PredictProbaOne_Untrained_ReturnsFalse()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1.0);
        Assert.False(new SRPClassifier().PredictProbaOne(x, new ClassProbabilities()));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPClassifier(nModels: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPClassifier(subspaceSize: "2"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPClassifier(subspaceSize: "1.5"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPClassifier(subspaceSize: "log2"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPClassifier(trainingMethod: "bagging"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPClassifier(lam: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPClassifier(disableDetector: "all"));
    }

    [Fact]
    public void ToString_Defaults_LikeRiver() => Assert.Equal(
        "SRPClassifier(model=" + new HoeffdingTreeClassifier(gracePeriod: 50, delta: 0.01) + ", n_models=10, subspace_size=0.6, "
        + "training_method='patches', lam=6, drift_detector=" + new Eddy.Drift.ADWIN(1e-5) + ", warning_detector="
        + new Eddy.Drift.ADWIN(1e-4) + ", disable_detector='off', disable_weighted_vote=False, seed=None, metric=Accuracy)",
        new SRPClassifier().ToString());
}
