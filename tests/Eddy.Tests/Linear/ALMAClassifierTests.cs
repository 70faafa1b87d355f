using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

public sealed class ALMAClassifierTests
{
    [Fact]
    public void Reference_ScaledOnPhishing_AccuracyAndF1MatchRiver()
    {
        (double accuracy, double f1, int scored) = Harness.EvaluateScaled(new ALMAClassifier(), RiverDatasets.Phishing());
        Assert.Equal(1250, scored);
        Reference.AssertClose(Reference.Current("Phishing", "StandardScaler | ALMAClassifier()", "Accuracy"), accuracy, 1e-12, "Accuracy");
        Reference.AssertClose(Reference.Current("Phishing", "StandardScaler | ALMAClassifier()", "F1"), f1, 1e-12, "F1");
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new ALMAClassifier(), RiverDatasets.Phishing(), "not a bool");

    [Fact]
    public void CloneFresh_AfterLearning_SameParametersNoState()
    {
        var model = new ALMAClassifier();
        byte[] fresh = model.SerializeState();
        Harness.Train(model, RiverDatasets.Phishing(), 30);
        Assert.NotEqual(fresh, model.SerializeState());
        Assert.Equal(fresh, model.CloneFresh().SerializeState());
        Assert.Equal(model.ToString(), model.CloneFresh().ToString());
    }

    [Fact]
    public void RiverDocstring_ScaledOnPhishing_Accuracy8256()
    {
        (double accuracy, _, _) = Harness.EvaluateScaled(new ALMAClassifier(), RiverDatasets.Phishing());
        Harness.AssertPercent(82.56, accuracy, "Accuracy");
    }
}
