using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

public sealed class PAClassifierTests
{
    [Fact]
    public void Reference_ScaledOnPhishing_AccuracyAndF1MatchRiver() =>
        Harness.AssertScaledPhishingParity(new PAClassifier(), "StandardScaler | PAClassifier()");

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new PAClassifier(), RiverDatasets.Phishing(), "not a bool");

    [Fact]
    public void CloneFresh_AfterLearning_SameParametersNoState() =>
        Harness.AssertCloneFreshForgetsLearning(new PAClassifier(), RiverDatasets.Phishing());

    [Fact]
    public void Constructor_BadMode_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PAClassifier(mode: 3));
}
