using Eddy.Base;
using Eddy.Datasets;
using Eddy.Ensembles;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Preprocessing;
using Eddy.Serialization;
using Eddy.Tests.Support;

namespace Eddy.Tests.Ensembles;

public sealed class ARFRegressorTests
{
    [Fact]
    public void Docstring_ScaledTrumpApproval_CloseToRiver()
    {
        // River: StandardScaler | forest.AdaptiveRandomForestRegressor(seed=42) on TrumpApproval prints MAE: 0.800649
        // (the stored 0.1x version whose members this port follows). Eddy gets 0.8101 (1.2 % above). Not bit-exact for
        // the reason ARFClassifier is not: the trees' detectors are the current ADWIN, not that release's, so drifts
        // and warnings fire at other examples and the forest's trees are reset at other times. The newest River
        // (0.772113) also changed when members feed their detectors (before learning, only when k > 0).
        var model = new ARFRegressor(seed: 42);
        Checkpoint result = ProgressiveValidation.Score(new StandardScaler() | model, Harness.TrumpApproval(), [new Mae()]);
        Assert.Equal(1001, result.Scored);
        Reference.AssertClose(0.800649, result.Values[0], 0.03, "MAE on TrumpApproval");
    }

    [Fact]
    public void Learn_SameSeedTwice_BitIdenticalState()
    {
        var a = new ARFRegressor(nModels: 3, seed: 7);
        var b = (ARFRegressor)a.CloneFresh();
        Harness.MeanAbsoluteErrorScaled(a, Harness.TrumpApproval());
        Harness.MeanAbsoluteErrorScaled(b, Harness.TrumpApproval());
        Assert.Equal(a.SerializeState(), b.SerializeState());
        var c = new ARFRegressor(nModels: 3, seed: 8);
        Harness.MeanAbsoluteErrorScaled(c, Harness.TrumpApproval());
        Assert.NotEqual(a.SerializeState(), c.SerializeState());
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new ARFRegressor(nModels: 3, seed: 1), Harness.TrumpApproval(), "not a number");

    [Fact]
    public void Snapshot_MidStream_ContinuesBitIdentically()
    {
        var model = new ARFRegressor(nModels: 4, gracePeriod: 20, seed: 3);
        Dataset data = Harness.TrumpApproval();
        FeatureSchema schema = Harness.Train(model, data, 500);
        var copy = (ARFRegressor)model.CloneFresh();
        copy.ReadState(new StateReader(model.SerializeState()));
        var x = new FeatureVector(schema);
        for (int row = 500; row < data.Count; row++)
        {
            data.Fill(row, x);
            model.LearnOne(x, data.Target(row).ToDouble());
            copy.LearnOne(x, data.Target(row).ToDouble());
        }

        Assert.Equal(model.SerializeState(), copy.SerializeState());
        Assert.Equal(model.PredictOne(x), copy.PredictOne(x));
    }

    [Fact]
    public void LearnOne_TrumpApproval_WarnsAndSwapsTrees()
    {
        var model = new ARFRegressor(nModels: 3, seed: 42);
        Harness.MeanAbsoluteErrorScaled(model, Harness.TrumpApproval());
        Assert.True(model.WarningCounts.Sum() > 0);
        Assert.True(model.DriftCounts.Sum() > 0);
    }

    [Fact]
    public void PredictOne_WeightedMean_IsRiversNormalizedWeightsOverN()
    {
        // River normalizes the weights to sum to 1 and then still takes the mean, so the weighted vote is the weighted
        // average divided by n_models; the same trees (the aggregation does not change learning) give a plain mean.
        var plain = new ARFRegressor(nModels: 4, aggregationMethod: "mean", metric: new Mae(), seed: 5);
        var weighted = new ARFRegressor(nModels: 4, aggregationMethod: "mean", disableWeightedVote: false, metric: new Mae(), seed: 5);
        Dataset data = Harness.TrumpApproval();
        FeatureSchema schema = Harness.Train(plain, data, 300);
        Harness.Train(weighted, data, 300);
        var x = new FeatureVector(schema);
        data.Fill(300, x);
        double mean = plain.PredictOne(x);
        Assert.InRange(weighted.PredictOne(x) * 4, mean * 0.8, mean * 1.2);
        Assert.Equal(0.0, new ARFRegressor(seed: 1).PredictOne(new FeatureVector(new FeatureSchema())));
    }

    [Fact]
    public void Aggregation_NumpyReductions_MatchNumpyOrder()
    {
        double[] values = [1e16, 1, -1e16, 1, 3, 5, 7, 9, 0.5, 0.25];
        double expected = ((values[0] + values[1]) + (values[2] + values[3])) + ((values[4] + values[5]) + (values[6] + values[7]));
        expected = expected + values[8] + values[9];
        Assert.Equal(expected, ForestAggregation.Sum(values));
        Assert.Equal(2.5, ForestAggregation.Median(new double[] { 4, 1, 3, 2 }));
        Assert.Equal(3.0, ForestAggregation.Median(new double[] { 5, 1, 3 }));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ARFRegressor(nModels: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ARFRegressor(maxFeatures: "cube"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ARFRegressor(aggregationMethod: "mode"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ARFRegressor(leafPrediction: "nba"));
    }

    [Fact]
    public void ToString_Defaults_RiverRepr()
    {
        string repr = new ARFRegressor().ToString();
        Assert.StartsWith("ARFRegressor(n_models=10, max_features='sqrt', aggregation_method='median', lambda_value=6, metric=MSE, "
            + "disable_weighted_vote=True, drift_detector=ADWIN(delta=0.001", repr);
        Assert.Contains("grace_period=50, max_depth=None, delta=0.01, tau=0.05, leaf_prediction='adaptive', leaf_model=LinearRegression(", repr);
        Assert.EndsWith("min_samples_split=5, binary_split=False, max_size=500, memory_estimate_period=2000000, "
            + "stop_mem_management=False, remove_poor_attrs=False, merit_preprune=True, seed=None)", repr);
    }
}
