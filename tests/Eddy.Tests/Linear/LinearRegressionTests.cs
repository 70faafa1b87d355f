using Eddy.Base;
using Eddy.Linear;
using Eddy.Optim;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

public sealed class LinearRegressionTests
{
    [Fact]
    public void Reference_ScaledOnTrumpApproval_MaeMatchesRiver()
    {
        double mae = Harness.MeanAbsoluteErrorScaled(new LinearRegression(), Harness.TrumpApproval());
        Reference.AssertClose(Reference.Current("TrumpApproval", "StandardScaler | LinearRegression()", "MAE"), mae, 1e-12, "MAE");
    }

    [Fact]
    public void RiverDocstring_InterceptLr01_MaeAndIntercept()
    {
        var regression = new LinearRegression(interceptLr: 0.1);
        double mae = Harness.MeanAbsoluteErrorScaled(regression, Harness.TrumpApproval());

        // River's doctests compare numbers to the precision printed.
        Assert.InRange(mae, 0.558735 - 1e-6, 0.558735 + 1e-6);
        Assert.InRange(regression.Intercept, 35.617670 - 1e-6, 35.617670 + 1e-6);
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new LinearRegression(), Harness.TrumpApproval(), "not a number");

    [Fact]
    public void StateContract_WithL1_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new LinearRegression(l1: 0.01), Harness.TrumpApproval(), "not a number");

    [Fact]
    public void Constructor_L1AndL2Together_Throws() =>
        Assert.Throws<ArgumentException>(() => new LinearRegression(l2: 0.1, l1: 0.1));

    [Fact]
    public void L1_TwoSteps_CumulativePenaltyByHand()
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        x.Set("a", 1.0);
        var model = new LinearRegression(optimizer: new Sgd(0.1), l1: 0.05, interceptLr: 0.0);

        // Step 1: gradient 2 (0 − 1) = −2, w = 0.2; penalty u = 0.005, so w = 0.195 and q = −0.005.
        model.LearnOne(x, 1.0);
        Assert.Equal(0.2 - (0.0 + (0.05 * 0.1)), model.Weights(schema)["a"], 15);

        // Step 2: w = 0.195 − 0.1 · 2 (0.195 − 1); u = 0.01; w − (u + q) = w − 0.005.
        double w = 0.195 - (0.1 * 2 * (0.195 - 1.0));
        model.LearnOne(x, 1.0);
        Assert.Equal(w - 0.005, model.Weights(schema)["a"], 12);
    }

    [Fact]
    public void LearnOne_OverflowingTarget_RefusedAndUnchanged()
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        x.Set("a", 1e300);
        var model = new LinearRegression();
        model.LearnOne(x, 1.0);
        byte[] state = model.SerializeState();
        Assert.Throws<NonFiniteUpdateException>(() => model.LearnOne(x, 1e308));
        Assert.Equal(state, model.SerializeState());
    }
}
