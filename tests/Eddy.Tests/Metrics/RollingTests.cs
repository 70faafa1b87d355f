using Eddy.Base;
using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Tests.Metrics;

/// <summary>Count windows: River's <c>utils.Rolling</c>.</summary>
public sealed class RollingTests
{
    [Fact]
    public void RollingMse_Window2_PrintsRiverValues()
    {
        RollingRegressionMetric metric = Rolling.Of(new Mse(), 2);
        double[] yTrue = [3, -0.5, 2, 7];
        double[] yPred = [2.5, 0.0, 2, 8];
        double[] expected = [0.25, 0.25, 0.125, 0.5];
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], yPred[i]);
            Assert.Equal(expected[i], metric.Value, 1e-12);
        }

        Assert.Equal("MSE", metric.Name);
    }

    [Theory]
    [InlineData("Accuracy")]
    [InlineData("ROCAUC")]
    [InlineData("MacroF1")]
    [InlineData("F1")]
    [InlineData("MCC")]
    public void RollingClassification_EqualsFreshMetricOverLastN(string name)
    {
        const int Window = 7;
        var rolling = new RollingClassificationMetric((ClassificationMetric)MetricStateTests.Create(name), Window);
        var history = new List<(bool Truth, bool Label, double P, double W)>();
        var random = new Random(11);
        var buffer = new ClassProbabilities();
        for (int i = 0; i < 60; i++)
        {
            (bool truth, bool label, double p, double w) = (random.Next(2) == 1, random.Next(2) == 1, random.NextDouble(), 1 + random.Next(3));
            history.Add((truth, label, p, w));
            buffer.SetBinary(p);
            rolling.Update(truth, new ClassificationPrediction(label, buffer), w);

            var fresh = (ClassificationMetric)MetricStateTests.Create(name);
            for (int k = Math.Max(0, history.Count - Window); k < history.Count; k++)
            {
                fresh.Update(history[k].Truth, MetricStateTests.Prediction(history[k].Label, history[k].P), history[k].W);
            }

            Assert.Equal(fresh.Value, rolling.Value, 1e-12);
        }

        Assert.Equal(Window, rolling.Count);
    }

    [Theory]
    [InlineData("MAE")]
    [InlineData("RMSE")]
    [InlineData("R2")]
    [InlineData("LogLoss")]
    public void Rolling_EqualsFreshMetricOverLastN(string name)
    {
        const int Window = 5;
        Metric inner = MetricStateTests.Create(name);
        Metric rolling = inner is ClassificationMetric c ? Rolling.Of(c, Window) : Rolling.Of((RegressionMetric)inner, Window);
        for (int i = 1; i <= 40; i++)
        {
            MetricStateTests.Feed(rolling, 1, seed: 100 + i);
            Metric fresh = MetricStateTests.Create(name);
            for (int k = Math.Max(1, i - Window + 1); k <= i; k++)
            {
                MetricStateTests.Feed(fresh, 1, seed: 100 + k);
            }

            Assert.Equal(fresh.Value, rolling.Value, 1e-9);
        }
    }

    [Fact]
    public void Rolling_SaveLoad_ContinuesIdentically()
    {
        var original = new RollingClassificationMetric(new RocAuc(), 10);
        MetricStateTests.FeedClassification(original, 25, seed: 12);
        byte[] state = original.SerializeState();
        var copy = (RollingClassificationMetric)original.CloneFresh();
        copy.ReadState(new StateReader(state));
        Assert.Equal(state, copy.SerializeState());

        MetricStateTests.FeedClassification(original, 15, seed: 13);
        MetricStateTests.FeedClassification(copy, 15, seed: 13);
        Assert.Equal(original.SerializeState(), copy.SerializeState());
        Assert.Equal(original.Value, copy.Value);
    }

    [Fact]
    public void Rolling_WrongWindowSize_RefusedOnRead()
    {
        var metric = new RollingRegressionMetric(new Mae(), 3);
        metric.Update(1, 2);
        var other = new RollingRegressionMetric(new Mae(), 4);
        Assert.Throws<SnapshotFormatException>(() => other.ReadState(new StateReader(metric.SerializeState())));
    }

    [Fact]
    public void Rolling_SteadyState_AllocatesNothing()
    {
        var rocAuc = new RollingClassificationMetric(new RocAuc(), 16);
        var mae = new RollingRegressionMetric(new Mae(), 16);
        var p = new ClassProbabilities();
        for (int i = 0; i < 64; i++)
        {
            p.SetBinary(i / 64.0);
            rocAuc.Update(i % 3 == 0, new ClassificationPrediction(i % 2 == 0, p));
            mae.Update(i, i + 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            p.SetBinary((i % 100) / 100.0);
            rocAuc.Update(i % 3 == 0, new ClassificationPrediction(i % 2 == 0, p));
            mae.Update(i, i + 1);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Constructor_WindowZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingRegressionMetric(new Mae(), 0));
}
