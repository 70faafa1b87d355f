using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Optim;
using Eddy.Tests.Support;

namespace Eddy.Tests.Optim;

public sealed class RMSPropTests
{
    [Fact]
    public void RiverDocstring_ScaledLogisticRegressionOnPhishing_F1Matches()
    {
        // The docstring predates River 0.19's pipeline semantics.
        (_, double f1) = Harness.EvaluateScaledRiver0121(new LogisticRegression(new RMSProp()), RiverDatasets.Phishing());
        Harness.AssertPercent(87.24, f1, "F1");
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new LogisticRegression(new RMSProp()), RiverDatasets.Phishing(), "not a bool");

    [Fact]
    public void CloneFresh_AfterLearning_HasNoState()
    {
        var model = new LogisticRegression(new RMSProp());
        byte[] fresh = model.SerializeState();
        Harness.Train(model, RiverDatasets.Phishing(), 50);
        Assert.Equal(50, model.Optimizer.Iterations);
        Assert.Equal(fresh, model.CloneFresh().SerializeState());
    }
}
