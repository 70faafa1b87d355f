using Eddy.Base;
using Eddy.Datasets;
using Eddy.Ensembles;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;

namespace Eddy.Tests.Ensembles;

public sealed class BaggingClassifierTests
{
    private static BaggingClassifier DocstringModel() =>
        new(new StandardScaler() | new LogisticRegression(), nModels: 3, seed: 42);

    // River's docstring prints "F1: 87.65%" (two decimals of a percentage): the tolerance is half the last digit.
    [Fact]
    public void RiverDocstring_PhishingScaledLogisticRegression_F1()
    {
        Checkpoint result = ProgressiveValidation.Score(DocstringModel(), RiverDatasets.Phishing(), [new F1()]);

        Assert.Equal(1250, result.Scored);
        Assert.InRange(result.Values[0], 0.87645, 0.87655);
    }

    [Fact]
    public void LearnOne_Seed42_MembersLearnCPythonPoissonCounts()
    {
        // Σ of utils.random.poisson(1, random.Random(42)) over 100 rows, three draws a row, from CPython.
        var model = new BaggingClassifier(new StubClassifier(), nModels: 3, seed: 42);

        StubClassifier.Feed(model, 100);

        Assert.Equal([110, 107, 103], StubClassifier.LearnCounts(model.Models));
    }

    [Fact]
    public void LearnOne_Always_PrototypeNeverLearns()
    {
        var prototype = new StubClassifier();
        var model = new BaggingClassifier(prototype, nModels: 3, seed: 1);

        StubClassifier.Feed(model, 20);

        Assert.Same(prototype, model.Model);
        Assert.Equal(0, prototype.Learned);
        Assert.All(model.Models, m => Assert.NotSame(prototype, m));
    }

    [Fact]
    public void PredictProbaOne_Trained_SumsMembersThenDividesByTotal()
    {
        BaggingClassifier model = DocstringModel();
        Dataset phishing = RiverDatasets.Phishing();
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < 50; row++)
        {
            phishing.Fill(row, x);
            model.LearnOne(x, phishing.Target(row));
        }

        phishing.Fill(50, x);
        var member = new ClassProbabilities();
        double sumFalse = 0;
        double sumTrue = 0;
        foreach (Classifier classifier in model.Models)
        {
            classifier.PredictProbaOne(x, member);
            sumFalse += member.Get(false);
            sumTrue += member.Get(true);
        }

        var output = new ClassProbabilities();
        Assert.True(model.PredictProbaOne(x, output));
        double total = sumFalse + sumTrue;
        Assert.Equal(sumFalse / total, output.Get(false));
        Assert.Equal(sumTrue / total, output.Get(true));
        Assert.Equal(Label.False, output.Classes[0]);
    }

    [Fact]
    public void Replay_FullPhishingWithSnapshotHalfway_BitIdentical() =>
        EnsembleChecks.AssertReplayAndRoundTrip(DocstringModel, RiverDatasets.Phishing());

    [Fact]
    public void Constructor_NoSeed_DrawsOneAndKeepsItInTheState()
    {
        var model = new BaggingClassifier(new StubClassifier(), nModels: 2);
        var copy = (BaggingClassifier)model.Clone();

        StubClassifier.Feed(model, 30);
        StubClassifier.Feed(copy, 30);

        Assert.Null(model.Seed);
        Assert.Equal(model.SerializeState(), copy.SerializeState());
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new BaggingClassifier(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BaggingClassifier(new LogisticRegression(), nModels: 1));
    }

    [Fact]
    public void ToString_Docstring_NamesModelAndParameters()
    {
        string text = DocstringModel().ToString();

        Assert.StartsWith("BaggingClassifier(model=(StandardScaler(with_std=True) | LogisticRegression(", text, StringComparison.Ordinal);
        Assert.EndsWith("), n_models=3, seed=42)", text, StringComparison.Ordinal);
        Assert.Equal("BaggingClassifier(model=StubClassifier(switch_after=5), n_models=10, seed=None)", new BaggingClassifier(new StubClassifier(5)).ToString());
    }
}
