using Eddy.Base;
using Eddy.Datasets;
using Eddy.Datasets.Synth;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Tests.Support;
using Eddy.Trees;
using Eddy.Trees.Splitters;
using Eddy.Utils;

namespace Eddy.Tests.Trees;

public sealed class HoeffdingTreeClassifierTests
{
    private const string Model = "HoeffdingTreeClassifier()";

    [Theory]
    [InlineData("Accuracy")]
    [InlineData("ROCAUC")]
    [InlineData("LogLoss")]
    [InlineData("F1")]
    public void Reference_Phishing_MatchesRiver(string metric) => AssertReference("Phishing", metric);

    [Theory]
    [InlineData("Accuracy")]
    [InlineData("MacroF1")]
    public void Reference_ImageSegments_MatchesRiver(string metric) => AssertReference("ImageSegments", metric);

    [Fact]
    public void Docstring_Agrawal_MatchesRiver()
    {
        // River's docstring: tree.HoeffdingTreeClassifier(grace_period=100, delta=1e-5,
        // nominal_attributes=['elevel', 'car', 'zipcode']) on synth.Agrawal(classification_function=0, seed=42).take(1000)
        // prints Accuracy: 84.58% (845 of 999). Older River printed 86.09% / 83.78% on its NumPy-drawn Agrawal stream.
        var model = new HoeffdingTreeClassifier(gracePeriod: 100, delta: 1e-5, nominalAttributes: ["elevel", "car", "zipcode"]);
        Checkpoint result = ProgressiveValidation.Score(model, new Agrawal(classificationFunction: 0, seed: 42).Take(1000), [new Accuracy()]);
        Assert.Equal(999, result.Scored);
        Assert.Equal(845.0 / 999, result.Values[0]);
        Harness.AssertPercent(84.58, result.Values[0], "Accuracy");
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new HoeffdingTreeClassifier(gracePeriod: 50), RiverDatasets.Phishing(), Label.None);

    [Fact]
    public void CloneFresh_AfterLearning_ForgetsEverything() =>
        Harness.AssertCloneFreshForgetsLearning(new HoeffdingTreeClassifier(), RiverDatasets.Phishing());

    [Fact]
    public void PredictProbaOne_BeforeLearning_Empty()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1);
        Assert.False(new HoeffdingTreeClassifier().PredictProbaOne(x, new ClassProbabilities()));
    }

    [Fact]
    public void LearnOne_CategoricalFeatures_SplitsOnThem()
    {
        // A nominal attribute that decides the class: the tree must split on it (multiway) and predict from it.
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var model = new HoeffdingTreeClassifier(gracePeriod: 10, leafPrediction: "mc");
        string[] colors = ["red", "green", "blue"];
        for (int i = 0; i < 300; i++)
        {
            x.Clear();
            x.SetCategorical("color", colors[i % 3]);
            x.Set("noise", (i * 7919 % 101) / 101.0);
            model.LearnOne(x, colors[i % 3] == "red");
        }

        Assert.True(model.LeafCount >= 2, $"{model.LeafCount} leaves");
        x.Clear();
        x.SetCategorical("color", "red");
        x.Set("noise", 0.5);
        Assert.Equal(Label.True, model.PredictOne(x));
        x.Clear();
        x.SetCategorical("color", "blue");
        x.Set("noise", 0.5);
        Assert.Equal(Label.False, model.PredictOne(x));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HoeffdingTreeClassifier(splitCriterion: "entropy"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HoeffdingTreeClassifier(leafPrediction: "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HoeffdingTreeClassifier(gracePeriod: 0));
        Assert.Throws<ArgumentException>(() => new HoeffdingTreeClassifier(splitter: new TEBSTSplitter()));
    }

    [Theory]
    [InlineData("gini", "mc")]
    [InlineData("hellinger", "nb")]
    [InlineData("info_gain", "nba")]
    public void Options_Phishing_LearnAndRoundTrip(string criterion, string prediction)
    {
        var model = new HoeffdingTreeClassifier(gracePeriod: 50, splitCriterion: criterion, leafPrediction: prediction, binarySplit: true);
        (double accuracy, _, _) = Harness.Evaluate(model, RiverDatasets.Phishing());
        Assert.InRange(accuracy, 0.6, 1.0);
        var copy = (HoeffdingTreeClassifier)model.Clone();
        Assert.Equal(model.SerializeState(), copy.SerializeState());
    }

    [Fact]
    public void Erf_MatchesCPython()
    {
        // CPython 3.11 math.erf (glibc) at points of each branch of the approximation.
        Assert.Equal(0.5204998778130465, PythonMath.Erf(0.5));
        Assert.Equal(0.8427007929497149, PythonMath.Erf(1.0));
        Assert.Equal(-0.9661051464753108, PythonMath.Erf(-1.5));
        Assert.Equal(0.9999779095030014, PythonMath.Erf(3.0));
        Assert.Equal(1.1283791670955127e-09, PythonMath.Erf(1e-9));
    }

    [Fact]
    public void Round_MatchesCPython()
    {
        // round(x, 1): half to even on the exact binary value.
        Assert.Equal(0.2, PythonMath.Round(0.25, 1));
        Assert.Equal(0.3, PythonMath.Round(0.35, 1));
        Assert.Equal(2.7, PythonMath.Round(2.675, 1));
        Assert.Equal(-0.0, PythonMath.Round(-0.04, 1));
        Assert.Equal(736389.1, PythonMath.Round(736389.05, 1));
    }

    private static void AssertReference(string dataset, string metric)
    {
        Dataset data = dataset == "Phishing" ? RiverDatasets.Phishing() : RiverDatasets.ImageSegments();
        ClassificationMetric scorer = metric switch
        {
            "Accuracy" => new Accuracy(),
            "ROCAUC" => new RocAuc(),
            "LogLoss" => new LogLoss(),
            "F1" => new F1(),
            _ => new MacroF1(),
        };
        Checkpoint result = ProgressiveValidation.Score(new HoeffdingTreeClassifier(), data, [scorer]);
        Assert.Equal(data.Count - 1, result.Scored);
        Reference.AssertClose(Reference.Current(dataset, Model, metric), result.Values[0], 1e-6, $"{metric} on {dataset}");
    }
}
