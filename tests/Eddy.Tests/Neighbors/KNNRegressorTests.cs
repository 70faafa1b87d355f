using Eddy.Base;
using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Neighbors;
using Eddy.Preprocessing;
using Eddy.Specs;
using Eddy.Tests.Support;

namespace Eddy.Tests.Neighbors;

public sealed class KNNRegressorTests
{
    public static TheoryData<string> Metrics() => ["MAE", "RMSE", "R2"];

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Reference_TrumpApproval_MatchesRiver(string metric) =>
        AssertParity(new KNNRegressor(), "KNNRegressor()", metric);

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Reference_ScaledTrumpApproval_MatchesRiver(string metric) =>
        AssertParity(new StandardScaler() | new KNNRegressor(), "StandardScaler | KNNRegressor()", metric);

    [Fact]
    public void RiverDocstring_Window50After100_Predicts41_839342()
    {
        Dataset trump = RiverDatasets.TrumpApproval();
        var model = new KNNRegressor(windowSize: 50);
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < 100; row++)
        {
            trump.Fill(row, x);
            model.LearnOne(x, trump.Target(row));
        }

        trump.Fill(0, x);
        Assert.Equal(41.839342, model.PredictOne(x));
    }

    [Fact]
    public void PredictOne_BeforeLearning_Zero()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1);
        Assert.Equal(0.0, new KNNRegressor().PredictOne(x));
    }

    [Fact]
    public void PredictOne_ExactMatch_ItsTarget()
    {
        var model = new KNNRegressor();
        var x = new FeatureVector(new FeatureSchema());
        Learn(model, x, 1.0, 7.0);
        Learn(model, x, 2.0, 9.0);
        Learn(model, x, 2.0, 11.0);
        x.Clear();
        x.Set("x", 2.0);
        Assert.Equal(9.0, model.PredictOne(x));
    }

    [Theory]
    [InlineData(KNNAggregation.Mean, 0.1 / 3 + 0.2 / 3 + 0.3 / 3)]
    [InlineData(KNNAggregation.Median, 0.2)]
    [InlineData(KNNAggregation.WeightedMean, ((0.1 / 1) + (0.2 / 4) + (0.3 / 9)) / ((1.0 / 1) + (1.0 / 4) + (1.0 / 9)))]
    public void PredictOne_Aggregation_RiverFormula(KNNAggregation method, double expected)
    {
        var model = new KNNRegressor(nNeighbors: 3, aggregationMethod: method);
        var x = new FeatureVector(new FeatureSchema());
        Learn(model, x, 1.0, 0.1);
        Learn(model, x, 2.0, 0.2);
        Learn(model, x, 3.0, 0.3);
        Learn(model, x, 10.0, 50.0);
        x.Clear();
        x.Set("x", 0.0);
        double actual = model.PredictOne(x);
        if (method == KNNAggregation.Mean)
        {
            // statistics.mean is exact: (0.1 + 0.2 + 0.3) / 3 rounded once is 0.2, which a running sum misses.
            Assert.Equal(0.2, actual);
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void PredictOne_TransientFeature_CountsAsDistanceToZero()
    {
        var schema = new FeatureSchema();
        var model = new KNNRegressor(nNeighbors: 2, aggregationMethod: KNNAggregation.WeightedMean);
        var x = new FeatureVector(schema);
        Learn(model, x, 0.0, 1.0);
        Learn(model, x, 3.0, 4.0);
        var query = new FeatureVector(schema) { Interning = false };
        query.Set("x", 0.0);
        query.Set("unseen", 1.0);

        // Distances 0 + 1 and 9 + 1.
        Assert.Equal(((1.0 / 1) + (4.0 / 10)) / ((1.0 / 1) + (1.0 / 10)), model.PredictOne(query));
    }

    [Fact]
    public void LearnOne_MinDistanceKeep_KeepsOnlyPointsCloserThanIt()
    {
        // River 0.12.1's rule as written: an example is stored when its nearest neighbour is closer than the bound.
        var model = new KNNRegressor(minDistanceKeep: 1.0);
        var x = new FeatureVector(new FeatureSchema());
        Learn(model, x, 0.0, 1.0);
        Learn(model, x, 5.0, 2.0);
        Learn(model, x, 0.5, 3.0);
        Assert.Equal(2, model.WindowCount);
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KNNRegressor(nNeighbors: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KNNRegressor(windowSize: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KNNRegressor(aggregationMethod: (KNNAggregation)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KNNRegressor(p: double.PositiveInfinity));
    }

    [Fact]
    public void Spec_AggregationMethod_ParsedOrReportedAtItsPath()
    {
        var built = (KNNRegressor)ModelSpec.Parse("KNNRegressor(aggregation_method='weighted_mean', n_neighbors=3)").BuildEstimator();
        Assert.Equal(KNNAggregation.WeightedMean, built.AggregationMethod);
        Assert.Equal(3, built.NNeighbors);
        SpecException error = Assert.Throws<SpecException>(() => ModelSpec.Parse("KNNRegressor(aggregation_method='mode')"));
        Assert.Contains("aggregation_method", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Defaults_RiverRepr() =>
        Assert.Equal(
            "KNNRegressor(n_neighbors=5, window_size=1000, aggregation_method='mean', min_distance_keep=0.0, p=2.0)",
            new KNNRegressor().ToString());

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new KNNRegressor(windowSize: 50), RiverDatasets.TrumpApproval(), Label.None);

    private static void Learn(KNNRegressor model, FeatureVector x, double value, double y)
    {
        x.Clear();
        x.Set("x", value);
        model.LearnOne(x, y);
    }

    private static void AssertParity(Regressor model, string name, string metric)
    {
        RegressionMetric scorer = metric switch
        {
            "MAE" => new Mae(),
            "RMSE" => new Rmse(),
            _ => new R2(),
        };
        Checkpoint result = ProgressiveValidation.Score(model, RiverDatasets.TrumpApproval(), [scorer]);
        Assert.Equal(1001, result.Scored);
        Reference.AssertClose(Reference.Current("TrumpApproval", name, metric), result.Values[0], 1e-12, $"{name} {metric}");
    }
}
