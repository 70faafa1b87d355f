using Eddy.Base;
using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Neighbors;
using Eddy.Preprocessing;
using Eddy.Tests.Support;

namespace Eddy.Tests.Neighbors;

public sealed class KNNClassifierTests
{
    public static TheoryData<string> Metrics() => ["Accuracy", "ROCAUC", "LogLoss", "F1"];

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Reference_Phishing_MatchesRiver(string metric) =>
        AssertParity(new KNNClassifier(), "KNNClassifier()", metric);

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Reference_ScaledPhishing_MatchesRiver(string metric) =>
        AssertParity(new StandardScaler() | new KNNClassifier(), "StandardScaler | KNNClassifier()", metric);

    [Fact]
    public void RiverDocstring_ScaledPhishingAfter100_PredictsTrue()
    {
        Dataset phishing = RiverDatasets.Phishing();
        Classifier model = new StandardScaler() | new KNNClassifier();
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < 100; row++)
        {
            phishing.Fill(row, x);
            model.LearnOne(x, phishing.Target(row));
        }

        phishing.Fill(0, x);
        Assert.Equal(Label.True, model.PredictOne(x));
    }

    [Fact]
    public void PredictProbaOne_BeforeLearning_Empty()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1);
        Assert.False(new KNNClassifier().PredictProbaOne(x, new ClassProbabilities()));
        Assert.Equal(Label.None, new KNNClassifier().PredictOne(x));
    }

    [Fact]
    public void PredictProbaOne_ExactMatch_ProbabilityOneForItsClass()
    {
        var model = new KNNClassifier();
        var x = new FeatureVector(new FeatureSchema());
        Learn(model, x, 0.0, "a");
        Learn(model, x, 1.0, "b");
        Learn(model, x, 1.0, "c");
        var probabilities = new ClassProbabilities();
        x.Clear();
        x.Set("x", 1.0);
        Assert.True(model.PredictProbaOne(x, probabilities));

        // The older of the two exact matches wins, as River's stable sort has it.
        Assert.Equal(0.0, probabilities.Get("a"));
        Assert.Equal(1.0, probabilities.Get("b"));
        Assert.Equal(0.0, probabilities.Get("c"));
    }

    [Fact]
    public void PredictProbaOne_Weighted_InverseSquaredDistanceVotes()
    {
        // Distances are River 0.12.1's Minkowski sums without the root: 1 and 4 here, so votes 1 and 1/4.
        var model = new KNNClassifier(nNeighbors: 2);
        var x = new FeatureVector(new FeatureSchema());
        Learn(model, x, 1.0, "near");
        Learn(model, x, 4.0, "far");
        Learn(model, x, 100.0, "out");
        var probabilities = new ClassProbabilities();
        x.Clear();
        x.Set("x", 2.0);
        model.PredictProbaOne(x, probabilities);
        Assert.Equal(1.0 / 1.25, probabilities.Get("near"));
        Assert.Equal(0.25 / 1.25, probabilities.Get("far"));
        Assert.Equal(0.0, probabilities.Get("out"));
        Assert.Equal(3, probabilities.Count);
    }

    [Fact]
    public void PredictProbaOne_Unweighted_CountsVotes()
    {
        var model = new KNNClassifier(nNeighbors: 3, weighted: false);
        var x = new FeatureVector(new FeatureSchema());
        Learn(model, x, 1.0, "a");
        Learn(model, x, 1.5, "b");
        Learn(model, x, 2.0, "a");
        var probabilities = new ClassProbabilities();
        x.Clear();
        x.Set("x", 1.2);
        model.PredictProbaOne(x, probabilities);
        Assert.Equal(2.0 / 3.0, probabilities.Get("a"));
        Assert.Equal(1.0 / 3.0, probabilities.Get("b"));
    }

    [Fact]
    public void LearnOne_WindowFull_ForgetsOldestExample()
    {
        var model = new KNNClassifier(nNeighbors: 1, windowSize: 2);
        var x = new FeatureVector(new FeatureSchema());
        Learn(model, x, 0.0, "old");
        Learn(model, x, 10.0, "mid");
        Learn(model, x, 20.0, "new");
        Assert.Equal(2, model.WindowCount);
        x.Clear();
        x.Set("x", 0.1);
        Assert.Equal((Label)"mid", model.PredictOne(x));
    }

    [Fact]
    public void LearnOne_CleanupEvery_DropsClassesNoLongerInWindow()
    {
        var model = new KNNClassifier(nNeighbors: 1, windowSize: 2, cleanupEvery: 1);
        var x = new FeatureVector(new FeatureSchema());
        Learn(model, x, 0.0, "old");
        Learn(model, x, 10.0, "mid");
        Assert.Equal(2, model.ClassCount);
        Learn(model, x, 20.0, "new");
        Assert.Equal(2, model.ClassCount);
        var probabilities = new ClassProbabilities();
        x.Clear();
        x.Set("x", 19.0);
        model.PredictProbaOne(x, probabilities);
        Assert.Equal(["mid", "new"], probabilities.Classes.ToArray().Select(c => c.ToString()));
        Assert.Equal((Label)"new", model.PredictOne(x));
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KNNClassifier(nNeighbors: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KNNClassifier(windowSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KNNClassifier(p: 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KNNClassifier(cleanupEvery: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KNNClassifier(minDistanceKeep: double.NaN));
    }

    [Fact]
    public void ToString_Defaults_RiverRepr() =>
        Assert.Equal(
            "KNNClassifier(n_neighbors=5, window_size=1000, min_distance_keep=0.0, weighted=True, cleanup_every=0, softmax=False, p=2.0)",
            new KNNClassifier().ToString());

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new KNNClassifier(windowSize: 50), RiverDatasets.Phishing(), Label.None);

    private static void Learn(KNNClassifier model, FeatureVector x, double value, string label)
    {
        x.Clear();
        x.Set("x", value);
        model.LearnOne(x, label);
    }

    private static void AssertParity(Classifier model, string name, string metric)
    {
        ClassificationMetric scorer = metric switch
        {
            "Accuracy" => new Accuracy(),
            "ROCAUC" => new RocAuc(),
            "LogLoss" => new LogLoss(),
            _ => new F1(),
        };
        Checkpoint result = ProgressiveValidation.Score(model, RiverDatasets.Phishing(), [scorer]);
        Assert.Equal(1249, result.Scored);
        Reference.AssertClose(Reference.Current("Phishing", name, metric), result.Values[0], 1e-12, $"{name} {metric}");
    }
}
