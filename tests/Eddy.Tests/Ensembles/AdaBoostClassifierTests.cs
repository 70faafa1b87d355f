using Eddy.Base;
using Eddy.Datasets;
using Eddy.Ensembles;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;
using Eddy.Specs;

namespace Eddy.Tests.Ensembles;

public sealed class AdaBoostClassifierTests
{
    private const string DocstringExpression =
        "AdaBoostClassifier(model=HoeffdingTreeClassifier(split_criterion='gini', delta=1e-5, grace_period=2000), n_models=5, seed=42)";

    private static AdaBoostClassifier ScaledLogistic() => new(new StandardScaler() | new LogisticRegression(), nModels: 3, seed: 42);

    // River's docstring boosts Hoeffding trees and prints "LogLoss: 0.370805" (half the last digit as tolerance).
    // Built through the catalogue so that this file compiles without the trees; skipped where they are missing.
    [Fact]
    public void RiverDocstring_PhishingHoeffdingTrees_LogLoss()
    {
        if (!EstimatorCatalog.Default.TryGetEntry(ComponentFamily.Estimator, "HoeffdingTreeClassifier", out _))
        {
            Assert.Skip("HoeffdingTreeClassifier is not in this build's catalogue.");
        }

        var model = (Classifier)EstimatorCatalog.Default.ParseExpression(DocstringExpression).BuildEstimator();
        Checkpoint result = ProgressiveValidation.Score(model, RiverDatasets.Phishing(), [new LogLoss()]);

        Assert.InRange(result.Values[0], 0.3708045, 0.3708055);
    }

    [Fact]
    public void LearnOne_Seed42_CPythonCountsAndWeights()
    {
        // River's AdaBoost run in CPython with random.Random(42) and the stub (predicts False, right on two rows of three).
        var model = new AdaBoostClassifier(new StubClassifier(), nModels: 3, seed: 42);

        StubClassifier.Feed(model, 100);

        Assert.Equal([95, 103, 95], StubClassifier.LearnCounts(model.Models));
        Assert.Equal([66, 50.18250698034304, 45.39081889335166], model.CorrectWeight.ToArray());
        Assert.Equal([34, 46.88179000955456, 49.54033966304781], model.WrongWeight.ToArray());
    }

    [Fact]
    public void LearnOne_AllRight_LambdaHalvesDownTheChain()
    {
        var model = new AdaBoostClassifier(new StubClassifier(), nModels: 3, seed: 1);

        StubClassifier.Feed(model, 1, _ => false);

        Assert.Equal([1.0, 0.5, 0.25], model.CorrectWeight.ToArray());
        Assert.Equal([0.0, 0.0, 0.0], model.WrongWeight.ToArray());
    }

    [Fact]
    public void PredictProbaOne_Trained_WeighsMembersByLogOddsOfTheirError()
    {
        AdaBoostClassifier model = ScaledLogistic();
        Dataset phishing = RiverDatasets.Phishing();
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < 100; row++)
        {
            phishing.Fill(row, x);
            model.LearnOne(x, phishing.Target(row));
        }

        phishing.Fill(100, x);
        double sumFalse = 0;
        double sumTrue = 0;
        var member = new ClassProbabilities();
        for (int i = 0; i < model.NModels; i++)
        {
            double epsilon = (model.WrongWeight[i] + 1e-16) / (model.CorrectWeight[i] + model.WrongWeight[i] + 1e-16);
            double weight = epsilon == 0 || epsilon > 0.5 ? 1.0 : Math.Log((1 - epsilon) / epsilon);
            model.Models[i].PredictProbaOne(x, member);
            sumFalse += member.Get(false) * weight;
            sumTrue += member.Get(true) * weight;
        }

        var output = new ClassProbabilities();
        Assert.True(model.PredictProbaOne(x, output));
        double scale = 1 / (sumFalse + sumTrue);
        Assert.Equal(sumFalse * scale, output.Get(false));
        Assert.Equal(sumTrue * scale, output.Get(true));
    }

    [Fact]
    public void Replay_FullPhishingWithSnapshotHalfway_BitIdentical() =>
        EnsembleChecks.AssertReplayAndRoundTrip(ScaledLogistic, RiverDatasets.Phishing());

    [Fact]
    public void ToString_Always_NamesModelAndParameters() =>
        Assert.Equal(
            "AdaBoostClassifier(model=StubClassifier(switch_after=2), n_models=4, seed=7)",
            new AdaBoostClassifier(new StubClassifier(2), nModels: 4, seed: 7).ToString());
}
