using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

public sealed class PAClassifierTests
{
    [Fact]
    public void Reference_ScaledOnPhishing_AccuracyAndF1MatchRiver()
    {
        (double accuracy, double f1, int scored) = Harness.EvaluateScaled(new PAClassifier(), RiverDatasets.Phishing());
        Assert.Equal(1250, scored);
        Reference.AssertClose(Reference.Current("Phishing", "StandardScaler | PAClassifier()", "Accuracy"), accuracy, 1e-12, "Accuracy");
        Reference.AssertClose(Reference.Current("Phishing", "StandardScaler | PAClassifier()", "F1"), f1, 1e-12, "F1");
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new PAClassifier(), RiverDatasets.Phishing(), "not a bool");

    [Fact]
    public void CloneFresh_AfterLearning_SameParametersNoState()
    {
        var model = new PAClassifier();
        byte[] fresh = model.SerializeState();
        Harness.Train(model, RiverDatasets.Phishing(), 30);
        Assert.NotEqual(fresh, model.SerializeState());
        Assert.Equal(fresh, model.CloneFresh().SerializeState());
        Assert.Equal(model.ToString(), model.CloneFresh().ToString());
    }

    [Fact]
    public void Constructor_BadMode_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PAClassifier(mode: 3));
}
