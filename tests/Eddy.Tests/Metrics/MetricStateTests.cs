using Eddy.Base;
using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Tests.Metrics;

/// <summary>Revert, weights, CloneFresh and save/load for every metric.</summary>
public sealed class MetricStateTests
{
    public static TheoryData<string> LabelMetrics => ["Accuracy", "F1", "Precision", "Recall", "FBeta", "MacroF1", "MicroF1", "WeightedF1", "BalancedAccuracy", "CohenKappa", "MCC", "ConfusionMatrix", "ROCAUC"];

    public static TheoryData<string> MeanMetrics => ["LogLoss", "CrossEntropy", "MAE", "MSE", "RMSE", "RMSLE", "SMAPE", "R2"];

    [Theory]
    [MemberData(nameof(LabelMetrics))]
    public void UpdateThenRevert_CountMetric_StateBytesUnchanged(string name)
    {
        var metric = (ClassificationMetric)Create(name);
        FeedClassification(metric, 40, seed: 1);
        byte[] before = metric.SerializeState();
        double value = metric.Value;
        ClassificationPrediction prediction = Prediction(true, 0.7);
        metric.Update(false, prediction, 2.5);
        Assert.NotEqual(before, metric.SerializeState());
        metric.Revert(false, prediction, 2.5);
        Assert.Equal(before, metric.SerializeState());
        Assert.Equal(value, metric.Value);
    }

    [Theory]
    [MemberData(nameof(MeanMetrics))]
    public void UpdateThenRevert_MeanMetric_ValueRestored(string name)
    {
        Metric metric = Create(name);
        Feed(metric, 40, seed: 2);
        double value = metric.Value;
        Feed(metric, 1, seed: 3, w: 1.5);
        Assert.NotEqual(value, metric.Value);
        Feed(metric, 1, seed: 3, w: 1.5, revert: true);
        Assert.Equal(value, metric.Value, 1e-12);
    }

    [Fact]
    public void UpdateThenRevert_DyadicMae_StateBytesUnchanged()
    {
        var metric = new Mae();
        metric.Update(1, 0);
        metric.Update(3, 0);
        byte[] before = metric.SerializeState();
        metric.Update(5, 0);
        metric.Revert(5, 0);
        Assert.Equal(before, metric.SerializeState());
    }

    [Theory]
    [MemberData(nameof(LabelMetrics))]
    [MemberData(nameof(MeanMetrics))]
    public void WeightTwo_EqualsTwoUpdates(string name)
    {
        Metric weighted = Create(name);
        Metric repeated = Create(name);
        Feed(weighted, 30, seed: 4, w: 2);
        Feed(repeated, 30, seed: 4, repeat: 2);
        if (name == "CohenKappa")
        {
            // River divides by the number of updates (n_samples), not by their weight.
            Assert.NotEqual(repeated.Value, weighted.Value);
            return;
        }

        Assert.Equal(repeated.Value, weighted.Value, 1e-12);
    }

    [Theory]
    [MemberData(nameof(LabelMetrics))]
    [MemberData(nameof(MeanMetrics))]
    public void SaveLoad_RoundTrip_SameBytesAndValue(string name)
    {
        Metric metric = Create(name);
        Feed(metric, 25, seed: 5);
        byte[] state = metric.SerializeState();
        Metric copy = metric.CloneFresh();
        Assert.Equal(Create(name).SerializeState(), copy.SerializeState());
        copy.ReadState(new StateReader(state));
        Assert.Equal(state, copy.SerializeState());
        Assert.Equal(metric.Value, copy.Value);
        Assert.Equal(metric.ToString(), copy.ToString());
    }

    [Theory]
    [MemberData(nameof(LabelMetrics))]
    [MemberData(nameof(MeanMetrics))]
    public void ReadState_Truncated_ThrowsAndKeepsState(string name)
    {
        Metric metric = Create(name);
        Feed(metric, 10, seed: 6);
        byte[] other = metric.SerializeState();
        Feed(metric, 5, seed: 7);
        byte[] before = metric.SerializeState();
        Assert.Throws<SnapshotFormatException>(() => metric.ReadState(new StateReader(other.AsMemory(0, other.Length - 3))));
        Assert.Equal(before, metric.SerializeState());
    }

    [Theory]
    [InlineData("LogLoss")]
    [InlineData("CrossEntropy")]
    [InlineData("MAE")]
    [InlineData("SMAPE")]
    public void Revert_BelowZeroWeight_ThrowsAndChangesNothing(string name)
    {
        Metric metric = Create(name);
        Feed(metric, 1, seed: 8);
        byte[] before = metric.SerializeState();
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => Feed(metric, 1, seed: 9, w: 3, revert: true));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, metric.SerializeState());
    }

    [Fact]
    public void Properties_FollowRiver()
    {
        Assert.True(new RocAuc().IsPercentage);
        Assert.False(new RocAuc().RequiresLabels);
        Assert.False(new Eddy.Metrics.LogLoss().IsPercentage);
        Assert.False(new Mcc().IsPercentage);
        Assert.True(new MacroF1().IsPercentage);
        Assert.False(new Mae().BiggerIsBetter);
        Assert.True(new R2().BiggerIsBetter);
        Assert.True(new Accuracy().RequiresLabels);
    }

    internal static Metric Create(string name) => name switch
    {
        "Accuracy" => new Accuracy(),
        "F1" => new F1(),
        "Precision" => new Precision(),
        "Recall" => new Recall(),
        "FBeta" => new FBeta(0.5),
        "MacroF1" => new MacroF1(),
        "MicroF1" => new MicroF1(),
        "WeightedF1" => new WeightedF1(),
        "BalancedAccuracy" => new BalancedAccuracy(),
        "CohenKappa" => new CohenKappa(),
        "MCC" => new Mcc(),
        "ConfusionMatrix" => new ConfusionMatrix(),
        "ROCAUC" => new RocAuc(),
        "LogLoss" => new Eddy.Metrics.LogLoss(),
        "CrossEntropy" => new CrossEntropy(),
        "MAE" => new Mae(),
        "MSE" => new Mse(),
        "RMSE" => new Rmse(),
        "RMSLE" => new Rmsle(),
        "SMAPE" => new Smape(),
        "R2" => new R2(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    internal static ClassificationPrediction Prediction(bool label, double pTrue)
    {
        var p = new ClassProbabilities();
        p.SetBinary(pTrue);
        return new ClassificationPrediction(label, p);
    }

    internal static void FeedClassification(ClassificationMetric metric, int count, int seed, double w = 1.0, int repeat = 1, bool revert = false)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            bool truth = random.Next(2) == 1;
            double pTrue = random.NextDouble();
            ClassificationPrediction prediction = Prediction(random.NextDouble() < 0.8 ? truth : !truth, pTrue);
            for (int r = 0; r < repeat; r++)
            {
                if (revert)
                {
                    metric.Revert(truth, prediction, w);
                }
                else
                {
                    metric.Update(truth, prediction, w);
                }
            }
        }
    }

    internal static void Feed(Metric metric, int count, int seed, double w = 1.0, int repeat = 1, bool revert = false)
    {
        if (metric is ClassificationMetric classification)
        {
            FeedClassification(classification, count, seed, w, repeat, revert);
            return;
        }

        var regression = (RegressionMetric)metric;
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            double yTrue = random.NextDouble() * 10;
            double yPred = yTrue + (random.NextDouble() - 0.5);
            for (int r = 0; r < repeat; r++)
            {
                if (revert)
                {
                    regression.Revert(yTrue, yPred, w);
                }
                else
                {
                    regression.Update(yTrue, yPred, w);
                }
            }
        }
    }
}
