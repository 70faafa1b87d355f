using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Reference_NoScalerOnPhishing_AccuracyMatchesRiver()
    {
        (double accuracy, double f1, _) = Harness.Evaluate(new LogisticRegression(), RiverDatasets.Phishing());
        Reference.AssertClose(Reference.Current("Phishing", "LogisticRegression() (no scaler)", "Accuracy"), accuracy, 1e-12, "Accuracy");
        Reference.AssertClose(Reference.Current("Phishing", "LogisticRegression() (no scaler)", "F1"), f1, 1e-12, "F1");
    }

    [Fact]
    public void Constructor_L1AndL2Together_Throws() =>
        Assert.Throws<ArgumentException>(() => new LogisticRegression(l2: 0.1, l1: 0.1));

    [Fact]
    public void L1_Zero_SameStateBytesAsBefore()
    {
        var plain = new LogisticRegression();
        var withZero = new LogisticRegression(l1: 0.0);
        Harness.Train(plain, RiverDatasets.Phishing(), 100);
        Harness.Train(withZero, RiverDatasets.Phishing(), 100);
        Assert.Equal(plain.SerializeState(), withZero.SerializeState());
    }

    [Fact]
    public void L1_Large_DrivesWeightsToExactlyZero()
    {
        var model = new LogisticRegression(l1: 10.0);
        FeatureSchema schema = Harness.Train(model, RiverDatasets.Phishing(), 200);
        foreach (double weight in model.Weights(schema).Values)
        {
            Assert.Equal(0.0, weight);
        }
    }

    [Fact]
    public void StateContract_WithL1_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new LogisticRegression(l1: 0.001), RiverDatasets.Phishing(), "not a bool");
}
