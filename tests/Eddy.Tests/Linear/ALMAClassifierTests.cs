using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

public sealed class ALMAClassifierTests
{
    [Fact]
    public void Reference_ScaledOnPhishing_AccuracyAndF1MatchRiver() =>
        Harness.AssertScaledPhishingParity(new ALMAClassifier(), "StandardScaler | ALMAClassifier()");

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new ALMAClassifier(), RiverDatasets.Phishing(), "not a bool");

    [Fact]
    public void CloneFresh_AfterLearning_SameParametersNoState() =>
        Harness.AssertCloneFreshForgetsLearning(new ALMAClassifier(), RiverDatasets.Phishing());

    [Fact]
    public void RiverDocstring_ScaledOnPhishing_Accuracy8256()
    {
        (double accuracy, _, _) = Harness.EvaluateScaled(new ALMAClassifier(), RiverDatasets.Phishing());
        Harness.AssertPercent(82.56, accuracy, "Accuracy");
    }
}
