using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Optim;
using Eddy.Tests.Support;

namespace Eddy.Tests.Optim;

public sealed class FtrlProximalTests
{
    [Fact]
    public void RiverDocstring_ScaledLogisticRegressionOnPhishing_F1Matches()
    {
        // This docstring was made with River >= 0.19's pipeline order.
        (_, double f1, _) = Harness.EvaluateScaled(new LogisticRegression(new FtrlProximal()), RiverDatasets.Phishing());
        Harness.AssertPercent(87.56, f1, "F1");
    }

    [Fact]
    public void TwoSteps_ByHand_FollowRiversClosedForm()
    {
        var optimizer = new FtrlProximal(alpha: 0.5, beta: 1.0, l1: 0.1, l2: 1.0);
        double[] weights = new double[1];
        int[] index = [0];
        double[] next = new double[1];

        // First step: z = 0 is within the L1 threshold, so the weight stays; then z = g, n = g².
        optimizer.ComputeStep(weights, index, [2.0], next);
        Assert.Equal(0.0, next[0]);
        optimizer.CommitStep(weights, index, [2.0], next);

        optimizer.ComputeStep(weights, index, [1.0], next);
        double expected = -Math.Pow(((1.0 + Math.Pow(4.0, 0.5)) / 0.5) + 1.0, -1) * (2.0 - 0.1);
        Assert.Equal(expected, next[0]);
        optimizer.CommitStep(weights, index, [1.0], next);
        Assert.Equal(expected, weights[0]);
        Assert.Equal(2, optimizer.Iterations);
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new LogisticRegression(new FtrlProximal()), RiverDatasets.Phishing(), "not a bool");

    [Fact]
    public void CloneFresh_AfterLearning_HasNoState()
    {
        var model = new LogisticRegression(new FtrlProximal());
        byte[] fresh = model.SerializeState();
        Harness.Train(model, RiverDatasets.Phishing(), 50);
        Assert.Equal(50, model.Optimizer.Iterations);
        Assert.Equal(fresh, model.CloneFresh().SerializeState());
    }
}
