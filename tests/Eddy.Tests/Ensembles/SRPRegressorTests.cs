using Eddy.Base;
using Eddy.Datasets;
using Eddy.Datasets.Synth;
using Eddy.Ensembles;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Tests.Support;
using Eddy.Trees;

namespace Eddy.Tests.Ensembles;

public sealed class SRPRegressorTests
{
    private static Dataset DocstringStream() => new FriedmanDrift("gsg", [350, 750], transitionWindow: 200, seed: 42).Take(1000);

    // Abrupt global drifts strong enough for the members' detectors to fire.
    private static Dataset Drifting() => new FriedmanDrift("gra", [1000, 2000], seed: 42).Take(3000);

    [Fact]
    public void Docstring_FriedmanDrift_R2MatchesRiver()
    {
        // River: ensemble.SRPRegressor(model=tree.HoeffdingTreeRegressor(grace_period=50), training_method="patches",
        // n_models=3, seed=42) on synth.FriedmanDrift(drift_type='gsg', position=(350, 750), transition_window=200,
        // seed=42).take(1000): R2: 0.571117. Eddy: 0.5711169906067427.
        var model = new SRPRegressor(new HoeffdingTreeRegressor(gracePeriod: 50), trainingMethod: "patches", nModels: 3, seed: 42);
        Checkpoint result = ProgressiveValidation.Score(model, DocstringStream(), [new R2()]);
        Assert.Equal(1000, result.Scored);
        Assert.Equal(0.571117, Math.Round(result.Values[0], 6));
    }

    [Fact]
    public void LearnOne_TenFeatures_AssignsShuffledCombinations()
    {
        // Python: round(10 * 0.6) = 6, the first 3 of itertools.combinations(features, 6), placed by
        // random.Random(42).shuffle([0, 1, 2]) == [1, 0, 2].
        var model = new SRPRegressor(nModels: 3, seed: 42);
        FeatureSchema schema = Harness.Train(model, DocstringStream(), 1);
        IReadOnlyList<IReadOnlyList<string>?> subspaces = model.Subspaces(schema);
        Assert.Equal(["0", "1", "2", "3", "4", "6"], subspaces[0]);
        Assert.Equal(["0", "1", "2", "3", "4", "5"], subspaces[1]);
        Assert.Equal(["0", "1", "2", "3", "4", "7"], subspaces[2]);
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("median")]
    public void PredictOne_Unweighted_NumpyMeanOrMedianOfMembers(string aggregation)
    {
        var model = new SRPRegressor(nModels: 4, aggregationMethod: aggregation, seed: 3);
        FeatureSchema schema = Harness.Train(model, DocstringStream(), 300);
        var x = new FeatureVector(schema);
        DocstringStream().Fill(300, x);
        double[] predictions = model.Members.Select(m => m.Predict(x)).ToArray();
        Array.Sort(predictions);
        double expected = aggregation == "median"
            ? (predictions[1] + predictions[2]) / 2
            : model.Members.Select(m => m.Predict(x)).Aggregate(0.0, (s, p) => s + p) / 4;
        Assert.Equal(expected, model.PredictOne(x));
    }

    [Fact]
    public void PredictOne_WeightedByMae_LargestErrorWeighsNothing()
    {
        // River: w = -(w - max(w)) for a smaller-is-better metric, then np.average(y_pred, weights=w).
        var model = new SRPRegressor(nModels: 3, disableWeightedVote: false, seed: 3);
        FeatureSchema schema = Harness.Train(model, DocstringStream(), 300);
        var x = new FeatureVector(schema);
        DocstringStream().Fill(300, x);
        double[] errors = model.Members.Select(m => m.Metric.Value).ToArray();
        double[] weights = errors.Select(e => -(e - errors.Max())).ToArray();
        double[] predictions = model.Members.Select(m => m.Predict(x)).ToArray();
        double expected = ((predictions[0] * weights[0]) + (predictions[1] * weights[1]) + (predictions[2] * weights[2]))
            / (weights[0] + weights[1] + weights[2]);
        Assert.Contains(0.0, weights);
        Assert.Equal(expected, model.PredictOne(x));
    }

    [Fact]
    public void PredictOne_Untrained_Zero()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1.0);
        Assert.Equal(0.0, new SRPRegressor().PredictOne(x));
        Assert.Equal(0.0, new SRPRegressor(aggregationMethod: "median", disableWeightedVote: false).PredictOne(x));
    }

    [Fact]
    public void LearnOne_DriftingStream_DetectsWarningsAndDrifts()
    {
        var model = new SRPRegressor(nModels: 3, seed: 42);
        Harness.Train(model, Drifting(), 3000);
        Assert.True(model.WarningCounts.Sum() > 0);
        Assert.True(model.DriftCounts.Sum() > 0);
    }

    [Fact]
    public void LearnOne_Criteria_ErrorAndPredictionWatchDifferentSignals()
    {
        var error = new SRPRegressor(nModels: 3, seed: 42);
        var prediction = new SRPRegressor(nModels: 3, driftDetectionCriteria: "prediction", seed: 42);
        Harness.Train(error, Drifting(), 3000);
        Harness.Train(prediction, Drifting(), 3000);
        Assert.NotEqual(error.SerializeState(), prediction.SerializeState());
    }

    [Fact]
    public void LearnOne_DetectorsDisabled_NeverResets()
    {
        var model = new SRPRegressor(nModels: 3, disableDetector: "drift", seed: 42);
        Harness.Train(model, Drifting(), 3000);
        Assert.Equal(0, model.WarningCounts.Sum() + model.DriftCounts.Sum());
    }

    [Theory]
    [InlineData("off", "patches")]
    [InlineData("warning", "subspaces")]
    [InlineData("off", "resampling")]
    public void Learn_SameSeedTwice_BitIdenticalAndRestorable(string disable, string method) =>
        EnsembleChecks.AssertReplayAndRoundTrip(
            () => new SRPRegressor(nModels: 3, trainingMethod: method, disableDetector: disable, disableWeightedVote: false, seed: 5), Drifting());

    [Fact]
    public void Learn_OtherSeed_OtherState()
    {
        var a = new SRPRegressor(nModels: 3, seed: 7);
        var b = new SRPRegressor(nModels: 3, seed: 8);
        Harness.Train(a, DocstringStream(), 300);
        Harness.Train(b, DocstringStream(), 300);
        Assert.NotEqual(a.SerializeState(), b.SerializeState());
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new SRPRegressor(nModels: 3, seed: 1), Harness.TrumpApproval(), "not a number");

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPRegressor(nModels: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPRegressor(subspaceSize: "1.5"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPRegressor(trainingMethod: "bagging"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPRegressor(lam: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPRegressor(disableDetector: "all"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPRegressor(driftDetectionCriteria: "loss"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SRPRegressor(aggregationMethod: "mode"));
    }

    [Fact]
    public void ToString_Defaults_LikeRiver() => Assert.Equal(
        "SRPRegressor(model=" + new HoeffdingTreeRegressor(gracePeriod: 50, delta: 0.01) + ", n_models=10, subspace_size=0.6, "
        + "training_method='patches', lam=6, drift_detector=" + new Eddy.Drift.ADWIN(1e-5) + ", warning_detector="
        + new Eddy.Drift.ADWIN(1e-4) + ", disable_detector='off', disable_weighted_vote=True, drift_detection_criteria='error', "
        + "aggregation_method='mean', seed=None, metric=MAE)",
        new SRPRegressor().ToString());
}
