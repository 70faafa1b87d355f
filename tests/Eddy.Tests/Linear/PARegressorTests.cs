using Eddy.Linear;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

public sealed class PARegressorTests
{
    [Fact]
    public void Reference_ScaledOnTrumpApproval_MaeMatchesRiver()
    {
        double mae = Harness.MeanAbsoluteErrorScaled(new PARegressor(), Harness.TrumpApproval());
        Reference.AssertClose(Reference.Current("TrumpApproval", "StandardScaler | PARegressor()", "MAE"), mae, 1e-12, "MAE");
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new PARegressor(), Harness.TrumpApproval(), "not a number");

    [Fact]
    public void CloneFresh_Parameters_KeptInRepr()
    {
        var model = new PARegressor(c: 0.5, mode: 2, eps: 0.2, learnIntercept: false);
        Assert.Equal("PARegressor(C=0.5, mode=2, eps=0.2, learn_intercept=False)", model.CloneFresh().ToString());
    }
}
