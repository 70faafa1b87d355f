using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

public sealed class PerceptronTests
{
    [Fact]
    public void Reference_ScaledOnPhishing_AccuracyAndF1MatchRiver() =>
        Harness.AssertScaledPhishingParity(new Perceptron(), "StandardScaler | Perceptron()");

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new Perceptron(), RiverDatasets.Phishing(), "not a bool");

    [Fact]
    public void CloneFresh_AfterLearning_SameParametersNoState() =>
        Harness.AssertCloneFreshForgetsLearning(new Perceptron(), RiverDatasets.Phishing());

    [Fact]
    public void ToString_Defaults_RiverRepr() =>
        Assert.Equal("Perceptron(l2=0, clip_gradient=1000000000000)", new Perceptron().ToString());
}
