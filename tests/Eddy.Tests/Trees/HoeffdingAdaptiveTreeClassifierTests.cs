using Eddy.Base;
using Eddy.Datasets;
using Eddy.Datasets.Synth;
using Eddy.Drift;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Tests.Support;
using Eddy.Trees;

namespace Eddy.Tests.Trees;

public sealed class HoeffdingAdaptiveTreeClassifierTests
{
    private const string Model = "HoeffdingAdaptiveTreeClassifier(seed=42)";

    [Theory]
    [InlineData("Accuracy")]
    [InlineData("ROCAUC")]
    [InlineData("LogLoss")]
    [InlineData("F1")]
    public void Reference_Phishing_MatchesRiver(string metric)
    {
        Dataset data = RiverDatasets.Phishing();
        ClassificationMetric scorer = metric switch
        {
            "Accuracy" => new Accuracy(),
            "ROCAUC" => new RocAuc(),
            "LogLoss" => new LogLoss(),
            _ => new F1(),
        };
        Checkpoint result = ProgressiveValidation.Score(new HoeffdingAdaptiveTreeClassifier(seed: 42), data, [scorer]);
        Assert.Equal(data.Count - 1, result.Scored);
        Reference.AssertClose(Reference.Current("Phishing", Model, metric), result.Values[0], 1e-12, $"{metric} on Phishing");
    }

    [Fact]
    public void LearnOne_ConceptDrift_ReplaysBitIdentically()
    {
        // River's docstring stream (SEA variant 0 drifting to variant 1): replays identically from a fresh clone.
        Dataset data = new ConceptDriftStream(new SEA(seed: 42, variant: 0), new SEA(seed: 42, variant: 1), seed: 1, position: 500, width: 50).Take(1000);
        var first = new HoeffdingAdaptiveTreeClassifier(gracePeriod: 100, delta: 1e-5, leafPrediction: "nb", nbThreshold: 10, seed: 0);
        var second = (HoeffdingAdaptiveTreeClassifier)first.CloneFresh();
        (double accuracy, _, _) = Harness.Evaluate(first, data);
        Harness.Evaluate(second, data);
        Assert.InRange(accuracy, 0.8, 1.0);
        Assert.Equal(first.SerializeState(), second.SerializeState());
    }

    [Fact]
    public void Snapshot_MidStream_ContinuesBitIdentically()
    {
        Dataset data = RiverDatasets.Phishing();
        var model = new HoeffdingAdaptiveTreeClassifier(gracePeriod: 50, driftWindowThreshold: 30, seed: 42);
        FeatureSchema schema = Harness.Train(model, data, 600);
        var copy = (HoeffdingAdaptiveTreeClassifier)model.Clone();
        Assert.Equal(model.SerializeState(), copy.SerializeState());
        var x = new FeatureVector(schema);
        for (int row = 600; row < data.Count; row++)
        {
            data.Fill(row, x);
            model.LearnOne(x, data.Target(row));
            copy.LearnOne(x, data.Target(row));
        }

        Assert.Equal(model.SerializeState(), copy.SerializeState());
    }

    [Fact]
    public void LearnOne_OtherDetector_LearnsAndRoundTrips()
    {
        var model = new HoeffdingAdaptiveTreeClassifier(gracePeriod: 50, driftDetector: new PageHinkley(), seed: 3);
        (double accuracy, _, _) = Harness.Evaluate(model, RiverDatasets.Phishing());
        Assert.InRange(accuracy, 0.7, 1.0);
        Assert.Equal(model.SerializeState(), model.Clone().SerializeState());
    }

    [Fact]
    public void Constructor_InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HoeffdingAdaptiveTreeClassifier(switchSignificance: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HoeffdingAdaptiveTreeClassifier(driftWindowThreshold: -1));
    }
}
