using Eddy.Base;
using Eddy.Linear;
using Eddy.Optim;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

public sealed class SoftmaxRegressionTests
{
    [Fact]
    public void Reference_ScaledOnImageSegments_AccuracyMatchesRiver()
    {
        (double accuracy, _, int scored) = Harness.EvaluateScaled(new SoftmaxRegression(), Harness.ImageSegments());
        Assert.Equal(2309, scored);
        Reference.AssertClose(Reference.Current("ImageSegments", "StandardScaler | SoftmaxRegression()", "Accuracy"), accuracy, 1e-12, "Accuracy");
    }

    [Fact]
    public void PredictProbaOne_BeforeLearning_Empty()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1);
        var output = new ClassProbabilities();
        Assert.False(new SoftmaxRegression().PredictProbaOne(x, output));
        Assert.True(output.IsEmpty);
    }

    [Fact]
    public void LearnOne_FirstExample_OnlyTrueClassMovesBy1Minus1e15()
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        x.Set("a", 2.0);
        var model = new SoftmaxRegression(new Sgd(0.5));
        model.LearnOne(x, "cat");
        model.LearnOne(x, "dog");
        var output = new ClassProbabilities();
        Assert.True(model.PredictProbaOne(x, output));
        Assert.Equal(["cat", "dog"], output.Classes.ToArray());

        // Step 1: p(cat) = 0 → gradient 2 (1e-15 − 1). Step 2: p(cat) = 1 (clamped to 1 − 1e-15), p(dog) = 0.
        double wCat = 0.0 - (0.5 * ((2.0 * (1e-15 - 1)) + 0.0));
        wCat -= 0.5 * ((2.0 * (1 - 1e-15)) + 0.0);
        double wDog = 0.0 - (0.5 * ((2.0 * (1e-15 - 1)) + 0.0));
        double max = Math.Max(wCat * 2, wDog * 2);
        double eCat = Math.Exp((wCat * 2) - max);
        double eDog = Math.Exp((wDog * 2) - max);
        Assert.Equal(eCat / (eCat + eDog), output.Get("cat"));
        Assert.Equal(eDog / (eCat + eDog), output.Get("dog"));
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new SoftmaxRegression(new Adam()), Harness.ImageSegments(), Label.None);
}
