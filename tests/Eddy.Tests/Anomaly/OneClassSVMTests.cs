using Eddy.Anomaly;
using Eddy.Base;
using Eddy.Optim;

namespace Eddy.Tests.Anomaly;

public sealed class OneClassSVMTests
{
    [Fact]
    public void LearnOne_TwoSteps_RiverUpdates()
    {
        var schema = new FeatureSchema();
        var model = new OneClassSVM();
        var x = new FeatureVector(schema);
        x.Set("a", 1.0);
        x.Set("b", 2.0);

        // w·x + b = 1 sits on the margin: River's hinge counts it (gradient −1). The intercept step adds 2·lr·l2.
        model.LearnOne(x);
        Assert.Equal(1.0 - ((0.01 * -1.0) + (2.0 * 0.01 * 0.05)), model.Intercept);
        Assert.Equal(0.01, model.Weights(schema)["a"]);
        Assert.Equal(0.02, model.Weights(schema)["b"]);
        double intercept = model.Intercept;
        Assert.Equal(((0.01 * 1.0) + (0.02 * 2.0) + intercept) - intercept, model.ScoreOne(x));

        // Outside the margin only the L2 penalty (nu/2) moves the weights and the intercept.
        x.Clear();
        x.Set("a", 3.0);
        model.LearnOne(x);
        Assert.Equal(intercept - ((0.01 * 0.0) + (2.0 * 0.01 * 0.05)), model.Intercept);
        Assert.Equal(0.01 - (0.01 * ((3.0 * 0.0) + (0.05 * 0.01))), model.Weights(schema)["a"]);
        Assert.Equal(0.02, model.Weights(schema)["b"]);
    }

    [Fact]
    public void ScoreOne_AfterTraining_OutlierScoresLower()
    {
        var model = new OneClassSVM(nu: 0.1);
        var x = new FeatureVector(new FeatureSchema());
        var rng = new Random(3);
        for (int i = 0; i < 500; i++)
        {
            x.Clear();
            x.Set("a", 1 + (0.1 * rng.NextDouble()));
            x.Set("b", 1 + (0.1 * rng.NextDouble()));
            model.LearnOne(x);
        }

        x.Clear();
        x.Set("a", 1.05);
        x.Set("b", 1.05);
        double inlier = model.ScoreOne(x);
        x.Clear();
        x.Set("a", -1.0);
        x.Set("b", -1.0);
        Assert.True(model.ScoreOne(x) < inlier);
    }

    [Fact]
    public void Constructor_InvalidNu_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneClassSVM(nu: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneClassSVM(nu: double.NaN));
    }

    [Fact]
    public void ToString_Defaults_RiverRepr() =>
        Assert.Equal(
            "OneClassSVM(nu=0.1, optimizer=SGD(lr=Constant(0.01)), intercept_lr=Constant(0.01), clip_gradient=1000000000000.0)",
            new OneClassSVM().ToString());

    [Fact]
    public void CloneFresh_CustomOptimizer_SameParametersNoState()
    {
        var model = new OneClassSVM(0.3, new Adam());
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1.0);
        byte[] fresh = model.SerializeState();
        model.LearnOne(x);
        Assert.NotEqual(fresh, model.SerializeState());
        Assert.Equal(fresh, model.CloneFresh().SerializeState());
        Assert.Equal(model.ToString(), model.CloneFresh().ToString());
    }
}
