using Eddy.Base;
using Eddy.Datasets;
using Eddy.NaiveBayes;
using Eddy.Tests.Support;

namespace Eddy.Tests.NaiveBayes;

public sealed class GaussianNBTests
{
    [Fact]
    public void RiverDocstring_TwoClusters_PredictsClass1()
    {
        double[][] xs = [[-1, -1], [-2, -1], [-3, -2], [1, 1], [2, 1], [3, 2]];
        int[] ys = [1, 1, 1, 2, 2, 2];
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var model = new GaussianNB();
        for (int i = 0; i < xs.Length; i++)
        {
            x.Clear();
            x.Set("0", xs[i][0]);
            x.Set("1", xs[i][1]);
            model.LearnOne(x, ys[i]);
        }

        x.Clear();
        x.Set("0", -0.8);
        x.Set("1", -1);
        Assert.Equal((Label)1, model.PredictOne(x));
    }

    [Fact]
    public void Reference_Phishing_AccuracyAndF1MatchRiver()
    {
        (double accuracy, double f1, int scored) = Harness.Evaluate(new GaussianNB(), RiverDatasets.Phishing());
        Assert.Equal(1249, scored);
        Reference.AssertClose(Reference.Current("Phishing", "GaussianNB()", "Accuracy"), accuracy, 1e-12, "Accuracy");
        Reference.AssertClose(Reference.Current("Phishing", "GaussianNB()", "F1"), f1, 1e-12, "F1");
    }

    [Fact]
    public void Reference_ImageSegments_AccuracyMatchesRiver()
    {
        (double accuracy, _, int scored) = Harness.Evaluate(new GaussianNB(), Harness.ImageSegments());
        Assert.Equal(2309, scored);
        Reference.AssertClose(Reference.Current("ImageSegments", "GaussianNB()", "Accuracy"), accuracy, 1e-12, "Accuracy");
    }

    [Fact]
    public void PredictProbaOne_BeforeLearning_Empty()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1);
        Assert.False(new GaussianNB().PredictProbaOne(x, new ClassProbabilities()));
        Assert.Equal(Label.None, new GaussianNB().PredictOne(x));
    }

    [Fact]
    public void LogSumExp_SevenValues_NumpyOrder()
    {
        double[] values = [-1.5, -2.25, -0.5, -3.0, -1.0, -4.0, -0.75];
        double expected = Math.Exp(-1.0) + (Math.Exp(-1.75) + Math.Exp(0) + Math.Exp(-2.5) + Math.Exp(-0.5) + Math.Exp(-3.5) + Math.Exp(-0.25));
        Assert.Equal(Math.Log(expected) + -0.5, GaussianNB.LogSumExp(values));
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new GaussianNB(), RiverDatasets.Phishing(), Label.None);
}
