using Eddy.Base;
using Eddy.Datasets;
using Eddy.Datasets.Synth;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Specs;
using Eddy.Tests.Support;
using Eddy.Trees;
using Eddy.Trees.Nodes;

namespace Eddy.Tests.Trees;

public sealed class ExtremelyFastDecisionTreeClassifierTests
{
    [Fact]
    public void Docstring_Agrawal_MatchesRiver()
    {
        // River's docstring: Agrawal(classification_function=0, seed=42).take(1000), progressive validation.
        Checkpoint result = ProgressiveValidation.Score(DocstringModel(), Agrawal1000(), [new Accuracy()]);
        Assert.Equal(999, result.Scored);
        Harness.AssertPercent(87.29, result.Values[0], "Accuracy");
    }

    [Fact]
    public void Docstring_Agrawal_ReplaysBitIdentically()
    {
        Dataset data = Agrawal1000();
        ExtremelyFastDecisionTreeClassifier first = DocstringModel();
        ExtremelyFastDecisionTreeClassifier second = DocstringModel();
        Harness.Train(first, data, data.Count);
        Harness.Train(second, data, data.Count);
        Assert.Equal(first.SerializeState(), second.SerializeState());
        Assert.True(first.Tree.Root is Branch, "the docstring tree splits");
    }

    [Fact]
    public void SnapshotMidStream_ContinuesExactlyLikeTheOriginal()
    {
        // The branches' observers must survive the snapshot: the restored tree keeps re-evaluating the same way.
        Dataset data = Agrawal1000();
        ExtremelyFastDecisionTreeClassifier original = DocstringModel();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        ExtremelyFastDecisionTreeClassifier? restored = null;
        for (int row = 0; row < data.Count; row++)
        {
            if (row == 500)
            {
                restored = (ExtremelyFastDecisionTreeClassifier)original.CloneFresh();
                restored.ReadState(new StateReader(original.SerializeState()));
            }

            data.Fill(row, x);
            original.LearnOne(x, data.Target(row));
            restored?.LearnOne(x, data.Target(row));
        }

        Assert.Equal(original.SerializeState(), restored!.SerializeState());
    }

    [Fact]
    public void StateContract_TrainedModel_RoundTripsAndRejectsAtomically() =>
        Harness.AssertStateContract(new ExtremelyFastDecisionTreeClassifier(gracePeriod: 50, minSamplesReevaluate: 20), RiverDatasets.Phishing(), Label.None);

    [Fact]
    public void CloneFresh_AfterLearning_ForgetsEverything() =>
        Harness.AssertCloneFreshForgetsLearning(new ExtremelyFastDecisionTreeClassifier(), RiverDatasets.Phishing());

    [Fact]
    public void LearnOne_ConceptChanges_ReevaluationReplacesTheRootSplit()
    {
        // First "a" decides the class, then "b" does: the root's split on "a" must be revisited and replaced.
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var model = new ExtremelyFastDecisionTreeClassifier(gracePeriod: 50, minSamplesReevaluate: 50, delta: 0.01);
        var rng = new Eddy.Utils.PythonRandom(7);
        for (int i = 0; i < 4000; i++)
        {
            double a = rng.NextDouble(), b = rng.NextDouble();
            x.Clear();
            x.Set("a", a);
            x.Set("b", b);
            model.LearnOne(x, i < 500 ? a > 0.5 : b > 0.5);
            if (i == 499)
            {
                Assert.Equal("a", schema.NameOf(Assert.IsAssignableFrom<Branch>(model.Tree.Root).Feature));
            }
        }

        Assert.Equal("b", schema.NameOf(Assert.IsAssignableFrom<Branch>(model.Tree.Root).Feature));
        Assert.Equal(model.LeafCount, model.ActiveLeafCount + model.InactiveLeafCount);
        x.Clear();
        x.Set("a", 0.9);
        x.Set("b", 0.1);
        Assert.Equal(Label.False, model.PredictOne(x));
    }

    [Fact]
    public void LearnOne_CategoricalFeatures_SplitsOnThem()
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var model = new ExtremelyFastDecisionTreeClassifier(gracePeriod: 10, leafPrediction: "mc", minSamplesReevaluate: 10);
        string[] colors = ["red", "green", "blue"];
        for (int i = 0; i < 300; i++)
        {
            x.Clear();
            x.SetCategorical("color", colors[i % 3]);
            x.Set("noise", (i * 7919 % 101) / 101.0);
            model.LearnOne(x, colors[i % 3] == "red");
        }

        Assert.IsType<EfdtNominalMultiwayBranch>(model.Tree.Root);
        x.Clear();
        x.SetCategorical("color", "red");
        x.Set("noise", 0.5);
        Assert.Equal(Label.True, model.PredictOne(x));
        x.Clear();
        x.SetCategorical("color", "yellow");
        x.Set("noise", 0.5);
        model.LearnOne(x, false);
        Assert.Equal(4, ((Branch)model.Tree.Root!).Children.Count);
        var copy = (ExtremelyFastDecisionTreeClassifier)model.Clone();
        Assert.Equal(model.SerializeState(), copy.SerializeState());
    }

    [Fact]
    public void Constructor_InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtremelyFastDecisionTreeClassifier(minSamplesReevaluate: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtremelyFastDecisionTreeClassifier(splitCriterion: "entropy"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtremelyFastDecisionTreeClassifier(gracePeriod: 0));
    }

    [Fact]
    public void ToString_Defaults_RiverRepr() =>
        Assert.Equal(
            "ExtremelyFastDecisionTreeClassifier(grace_period=200, max_depth=inf, min_samples_reevaluate=20, split_criterion='info_gain', "
            + "delta=1e-07, tau=0.05, leaf_prediction='nba', nb_threshold=0, nominal_attributes=None, splitter=GaussianSplitter(n_splits=10), "
            + "binary_split=False, max_size=100, memory_estimate_period=1000000, stop_mem_management=False, remove_poor_attrs=False, "
            + "merit_preprune=True)",
            new ExtremelyFastDecisionTreeClassifier().ToString());

    [Fact]
    public void Spec_DefaultsAndParameters_BuildTheSameModel()
    {
        Assert.Equal(new ExtremelyFastDecisionTreeClassifier().ToString(), ModelSpec.Parse("ExtremelyFastDecisionTreeClassifier").BuildEstimator().ToString());
        Assert.Equal(
            DocstringModel().ToString(),
            ModelSpec.Parse("ExtremelyFastDecisionTreeClassifier(grace_period=100, delta=1e-5, nominal_attributes=['elevel', 'car', 'zipcode'], min_samples_reevaluate=100)")
                .BuildEstimator().ToString());
    }

    private static Dataset Agrawal1000() => new Agrawal(classificationFunction: 0, seed: 42).Take(1000);

    private static ExtremelyFastDecisionTreeClassifier DocstringModel() => new(
        gracePeriod: 100, delta: 1e-5, nominalAttributes: ["elevel", "car", "zipcode"], minSamplesReevaluate: 100);
}
