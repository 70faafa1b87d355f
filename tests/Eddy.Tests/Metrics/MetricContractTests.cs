using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Tests.Metrics;

/// <summary>The contract every metric keeps: revert undoes update, weights count as repeats, CloneFresh and save/load.</summary>
public sealed class MetricContractTests
{
    public static TheoryData<string> LabelMetrics => ["Accuracy", "F1", "Precision", "Recall", "FBeta", "MacroF1", "MicroF1", "WeightedF1", "BalancedAccuracy", "CohenKappa", "MCC", "ConfusionMatrix", "ROCAUC"];

    public static TheoryData<string> MeanMetrics => ["LogLoss", "CrossEntropy", "MAE", "MSE", "RMSE", "RMSLE", "SMAPE", "R2"];

    [Theory]
    [MemberData(nameof(LabelMetrics))]
    public void UpdateThenRevert_CountMetric_StateBytesUnchanged(string name)
    {
        var metric = (ClassificationMetric)MetricFeed.Create(name);
        MetricFeed.Classification(metric, 40, seed: 1);
        byte[] before = metric.SerializeState();
        double value = metric.Value;
        ClassificationPrediction prediction = MetricFeed.Prediction(true, 0.7);
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
        Metric metric = MetricFeed.Create(name);
        MetricFeed.Any(metric, 40, seed: 2);
        double value = metric.Value;
        MetricFeed.Any(metric, 1, seed: 3, w: 1.5);
        Assert.NotEqual(value, metric.Value);
        MetricFeed.Any(metric, 1, seed: 3, w: 1.5, revert: true);
        Assert.Equal(value, metric.Value, 1e-12);
    }

    [Theory]
    [MemberData(nameof(LabelMetrics))]
    [MemberData(nameof(MeanMetrics))]
    public void Update_WeightTwo_EqualsTwoUpdates(string name)
    {
        Metric weighted = MetricFeed.Create(name);
        Metric repeated = MetricFeed.Create(name);
        MetricFeed.Any(weighted, 30, seed: 4, w: 2);
        MetricFeed.Any(repeated, 30, seed: 4, repeat: 2);
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
        Metric metric = MetricFeed.Create(name);
        MetricFeed.Any(metric, 25, seed: 5);
        byte[] state = metric.SerializeState();
        Metric copy = metric.CloneFresh();
        Assert.Equal(MetricFeed.Create(name).SerializeState(), copy.SerializeState());
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
        Metric metric = MetricFeed.Create(name);
        MetricFeed.Any(metric, 10, seed: 6);
        byte[] other = metric.SerializeState();
        MetricFeed.Any(metric, 5, seed: 7);
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
        Metric metric = MetricFeed.Create(name);
        MetricFeed.Any(metric, 1, seed: 8);
        byte[] before = metric.SerializeState();
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => MetricFeed.Any(metric, 1, seed: 9, w: 3, revert: true));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, metric.SerializeState());
    }
}
