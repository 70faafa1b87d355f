using Eddy.Base;
using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;

namespace Eddy.Tests.Evaluate;

/// <summary>Holdout evaluation: a slice of the stream scored by a trained model that learns nothing from it.</summary>
public sealed class HoldoutTests
{
    [Fact]
    public void Iterate_WithoutLearning_ScoresAndLeavesTheModelUnchanged()
    {
        Dataset phishing = RiverDatasets.Phishing();
        Dataset train = phishing.Slice(0, 1000);
        Dataset holdout = phishing.Slice(1000, 250);
        Assert.Equal(1000, train.Count);
        Assert.Equal(phishing.Target(1000), holdout.Target(0));

        var model = new LogisticRegression();
        var schema = new FeatureSchema();
        ProgressiveValidation.Iterate(model, train, [new Accuracy()], int.MaxValue, schema).Last();
        byte[] trained = model.SerializeState();

        var accuracy = new Accuracy();
        Checkpoint scored = ProgressiveValidation.Iterate(model, holdout, [accuracy], int.MaxValue, schema, learn: false).Last();
        Assert.Equal(250, scored.Scored);
        Assert.InRange(accuracy.Value, 0.5, 1.0);
        Assert.Equal(trained, model.SerializeState());
    }

    [Fact]
    public void Slice_OutOfRange_Throws()
    {
        Dataset phishing = RiverDatasets.Phishing();
        Assert.Throws<ArgumentOutOfRangeException>(() => phishing.Slice(1200, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => phishing.Slice(-1, 10));
    }
}
