using Eddy.Anomaly;
using Eddy.Base;
using Eddy.Compose;
using Eddy.Preprocessing;
using Eddy.Specs;

namespace Eddy.Tests.Compose;

public sealed class AnomalyPipelineTests
{
    private static readonly double[] s_stream = [0.5, 0.45, 0.43, 0.44, 0.445, 0.45, 0.0, 0.9, 0.47, 0.46, 0.2, 0.48];

    [Fact]
    public void LearnOne_ScalerThenTrees_SameBitsAsStepsByHand()
    {
        AnomalyPipeline pipeline = new MinMaxScaler() | new HalfSpaceTrees(nTrees: 5, height: 3, windowSize: 3, seed: 42);
        var scaler = new MinMaxScaler();
        var trees = new HalfSpaceTrees(nTrees: 5, height: 3, windowSize: 3, seed: 42);
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var scaled = new FeatureVector(schema);
        foreach (double value in s_stream)
        {
            x.Clear();
            x.Set("x", value);
            x.Set("y", 1 - (value * value));

            // River's progressive evaluation: score, then learn.
            double expected;
            scaled.Reset(schema, interning: false);
            scaler.TransformOne(x, scaled);
            expected = trees.ScoreOne(scaled);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(pipeline.ScoreOne(x)));

            scaler.LearnOne(x);
            scaled.Reset(schema, interning: true);
            scaler.TransformOne(x, scaled);
            trees.LearnOne(scaled);
            pipeline.LearnOne(x);
        }

        Assert.Equal(trees.SerializeState(), pipeline.Final.SerializeState());
        Assert.Equal(scaler.SerializeState(), pipeline.Steps[0].SerializeState());
    }

    [Fact]
    public void ScoreOne_AfterLearning_ChangesNothing()
    {
        AnomalyPipeline pipeline = new MinMaxScaler() | new HalfSpaceTrees(nTrees: 3, height: 3, windowSize: 2, seed: 1);
        var x = new FeatureVector(new FeatureSchema());
        foreach (double value in s_stream)
        {
            x.Clear();
            x.Set("x", value);
            pipeline.LearnOne(x);
        }

        byte[] before = pipeline.SerializeState();
        x.Clear();
        x.Set("x", 0.99);
        x.Set("unseen", 3.0);
        double first = pipeline.ScoreOne(x);
        Assert.Equal(first, pipeline.ScoreOne(x));
        Assert.Equal(before, pipeline.SerializeState());
        Assert.Equal(2, x.Count);
    }

    [Fact]
    public void LearnOne_CategoricalValue_RejectedWithoutStateChange()
    {
        AnomalyPipeline pipeline = new MinMaxScaler() | new HalfSpaceTrees(seed: 1);
        var x = new FeatureVector(new FeatureSchema());
        x.Set("x", 0.5);
        pipeline.LearnOne(x);
        byte[] before = pipeline.SerializeState();
        x.SetCategorical("colour", "red");
        Assert.Throws<InvalidFeatureException>(() => pipeline.LearnOne(x));
        Assert.Throws<InvalidFeatureException>(() => pipeline.ScoreOne(x));
        Assert.Equal(before, pipeline.SerializeState());
    }

    [Fact]
    public void ToString_Steps_RiverRepr()
    {
        AnomalyPipeline pipeline = new StandardScaler() | new OneClassSVM();
        Assert.Equal($"StandardScaler(with_std=True) | {new OneClassSVM()}", pipeline.ToString());
    }

    [Fact]
    public void Spec_ScalerAndTrees_BuildsAnomalyPipelineWithRocAuc()
    {
        ModelSpec spec = ModelSpec.FromExpression("MinMaxScaler | HalfSpaceTrees(seed=42)", ["ROCAUC"]);
        Assert.Equal(EstimatorKind.Anomaly, spec.Kind);
        BuiltModel built = spec.Build();
        AnomalyPipeline pipeline = Assert.IsType<AnomalyPipeline>(built.Estimator);
        Assert.IsType<HalfSpaceTrees>(pipeline.Final);
        Assert.Equal("ROCAUC", Assert.Single(built.Metrics).Name);
        Assert.Single(ModelSpec.Parse("MinMaxScaler | HalfSpaceTrees").WithMetrics(MetricDefaults.For(EstimatorKind.Anomaly)).Metrics);
        Assert.Throws<SpecException>(() => ModelSpec.FromExpression("MinMaxScaler | HalfSpaceTrees", ["Accuracy"]));
        Assert.Throws<SpecException>(() => ModelSpec.FromExpression("MinMaxScaler | HalfSpaceTrees", ["MAE"]));
        Assert.Throws<SpecException>(() => ModelSpec.Parse("HalfSpaceTrees | MinMaxScaler"));
    }
}
