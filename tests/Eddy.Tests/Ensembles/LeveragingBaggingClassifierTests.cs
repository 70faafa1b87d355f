using Eddy.Datasets;
using Eddy.Ensembles;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;

namespace Eddy.Tests.Ensembles;

public sealed class LeveragingBaggingClassifierTests
{
    private static LeveragingBaggingClassifier DocstringModel() =>
        new(new StandardScaler() | new LogisticRegression(), nModels: 3, seed: 42);

    // River's docstring prints "F1: 88.55%" (two decimals of a percentage): the tolerance is half the last digit.
    [Fact]
    public void RiverDocstring_PhishingScaledLogisticRegression_F1()
    {
        Checkpoint result = ProgressiveValidation.Score(DocstringModel(), RiverDatasets.Phishing(), [new F1()]);

        Assert.InRange(result.Values[0], 0.88545, 0.88555);
    }

    // Learn counts over 100 rows for random.Random(42), from CPython running River's draws ('me' and 'half' with
    // random() and randrange(2), see the class remarks); the stub predicts False, wrong on every third row.
    [Theory]
    [InlineData(LeveragingBaggingMethod.Bag, new[] { 597, 610, 629 })]
    [InlineData(LeveragingBaggingMethod.Me, new[] { 67, 76, 72 })]
    [InlineData(LeveragingBaggingMethod.Half, new[] { 58, 52, 58 })]
    [InlineData(LeveragingBaggingMethod.Wt, new[] { 210, 207, 203 })]
    [InlineData(LeveragingBaggingMethod.Subag, new[] { 64, 71, 61 })]
    public void LearnOne_Seed42_MembersLearnCPythonCounts(LeveragingBaggingMethod method, int[] expected)
    {
        var model = new LeveragingBaggingClassifier(new StubClassifier(), nModels: 3, baggingMethod: method, seed: 42);

        StubClassifier.Feed(model, 100);

        Assert.Equal(expected, StubClassifier.LearnCounts(model.Models));
        Assert.Equal(0, model.NDetectedChanges);
        Assert.All(model.DriftDetectors, d => Assert.Equal(100, d.Width));
        Assert.All(model.DriftDetectors, d => Assert.Equal(34, d.Total));
    }

    [Fact]
    public void LearnOne_ErrorRises_ReplacesTheWorstMemberAndCountsTheChange()
    {
        // The stub predicts False until it has learned 300 times, then True: on an all-False stream its error
        // jumps from 0 to 1, which each ADWIN reports as a rise.
        var model = new LeveragingBaggingClassifier(new StubClassifier(switchAfter: 300), nModels: 3, seed: 9);
        int[] previous = new int[3];
        bool sawReset = false;
        for (int row = 0; row < 200; row++)
        {
            int changes = model.NDetectedChanges;
            StubClassifier.Feed(model, 1, _ => false);
            int[] counts = StubClassifier.LearnCounts(model.Models);
            for (int i = 0; i < counts.Length; i++)
            {
                if (counts[i] < previous[i])
                {
                    sawReset = true;
                    Assert.Equal(changes + 1, model.NDetectedChanges);
                    Assert.Equal(0, counts[i]);
                    Assert.Equal(0, model.DriftDetectors[i].Width);
                }
            }

            previous = counts;
        }

        Assert.True(sawReset, "No member was replaced.");
        Assert.True(model.NDetectedChanges > 0);
    }

    [Fact]
    public void Replay_FullPhishingWithSnapshotHalfway_BitIdentical() =>
        EnsembleChecks.AssertReplayAndRoundTrip(DocstringModel, RiverDatasets.Phishing());

    [Theory]
    [InlineData(LeveragingBaggingMethod.Me)]
    [InlineData(LeveragingBaggingMethod.Half)]
    public void Replay_MethodsRiverCannotRun_BitIdentical(LeveragingBaggingMethod method) =>
        EnsembleChecks.AssertReplayAndRoundTrip(
            () => new LeveragingBaggingClassifier(new StandardScaler() | new LogisticRegression(), nModels: 3, baggingMethod: method, seed: 42),
            RiverDatasets.Phishing());

    [Theory]
    [InlineData("bag", LeveragingBaggingMethod.Bag)]
    [InlineData("me", LeveragingBaggingMethod.Me)]
    [InlineData("half", LeveragingBaggingMethod.Half)]
    [InlineData("wt", LeveragingBaggingMethod.Wt)]
    [InlineData("subag", LeveragingBaggingMethod.Subag)]
    public void ParseMethod_RiverNames_RoundTrip(string name, LeveragingBaggingMethod method)
    {
        Assert.Equal(method, LeveragingBaggingClassifier.ParseMethod(name));
        Assert.Equal(name, LeveragingBaggingClassifier.MethodName(method));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        var model = new LogisticRegression();
        Assert.Throws<ArgumentOutOfRangeException>(() => LeveragingBaggingClassifier.ParseMethod("boost"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeveragingBaggingClassifier(model, w: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeveragingBaggingClassifier(model, w: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeveragingBaggingClassifier(model, adwinDelta: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeveragingBaggingClassifier(model, baggingMethod: (LeveragingBaggingMethod)9));
    }

    [Fact]
    public void ToString_Defaults_RiverParameterOrder()
    {
        string text = new LeveragingBaggingClassifier(new StubClassifier(1)).ToString();

        Assert.Equal(
            "LeveragingBaggingClassifier(model=StubClassifier(switch_after=1), n_models=10, w=6.0, adwin_delta=0.002, bagging_method='bag', seed=None)",
            text);
    }
}
