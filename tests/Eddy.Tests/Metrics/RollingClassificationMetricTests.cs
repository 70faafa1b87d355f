using Eddy.Base;
using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Tests.Metrics;

/// <summary>Count windows over classification metrics: River's <c>utils.Rolling</c>.</summary>
public sealed class RollingClassificationMetricTests
{
    [Theory]
    [InlineData("Accuracy")]
    [InlineData("ROCAUC")]
    [InlineData("MacroF1")]
    [InlineData("F1")]
    [InlineData("MCC")]
    public void Update_LabelMetric_EqualsFreshMetricOverLastN(string name)
    {
        const int Window = 7;
        var rolling = new RollingClassificationMetric((ClassificationMetric)MetricFeed.Create(name), Window);
        var history = new List<(bool Truth, bool Label, double P, double W)>();
        var random = new Random(11);
        var buffer = new ClassProbabilities();
        for (int i = 0; i < 60; i++)
        {
            (bool truth, bool label, double p, double w) = (random.Next(2) == 1, random.Next(2) == 1, random.NextDouble(), 1 + random.Next(3));
            history.Add((truth, label, p, w));
            buffer.SetBinary(p);
            rolling.Update(truth, new ClassificationPrediction(label, buffer), w);

            var fresh = (ClassificationMetric)MetricFeed.Create(name);
            for (int k = Math.Max(0, history.Count - Window); k < history.Count; k++)
            {
                fresh.Update(history[k].Truth, MetricFeed.Prediction(history[k].Label, history[k].P), history[k].W);
            }

            Assert.Equal(fresh.Value, rolling.Value, 1e-12);
        }

        Assert.Equal(Window, rolling.Count);
    }

    [Theory]
    [InlineData("LogLoss")]
    public void Update_MeanMetric_EqualsFreshMetricOverLastN(string name)
    {
        const int Window = 5;
        RollingClassificationMetric rolling = Rolling.Of((ClassificationMetric)MetricFeed.Create(name), Window);
        for (int i = 1; i <= 40; i++)
        {
            MetricFeed.Any(rolling, 1, seed: 100 + i);
            Metric fresh = MetricFeed.Create(name);
            for (int k = Math.Max(1, i - Window + 1); k <= i; k++)
            {
                MetricFeed.Any(fresh, 1, seed: 100 + k);
            }

            Assert.Equal(fresh.Value, rolling.Value, 1e-9);
        }
    }

    [Fact]
    public void ReadState_SavedState_ContinuesIdentically()
    {
        var original = new RollingClassificationMetric(new RocAuc(), 10);
        MetricFeed.Classification(original, 25, seed: 12);
        byte[] state = original.SerializeState();
        var copy = (RollingClassificationMetric)original.CloneFresh();
        copy.ReadState(new StateReader(state));
        Assert.Equal(state, copy.SerializeState());

        MetricFeed.Classification(original, 15, seed: 13);
        MetricFeed.Classification(copy, 15, seed: 13);
        Assert.Equal(original.SerializeState(), copy.SerializeState());
        Assert.Equal(original.Value, copy.Value);
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var rocAuc = new RollingClassificationMetric(new RocAuc(), 16);
        var p = new ClassProbabilities();
        for (int i = 0; i < 64; i++)
        {
            p.SetBinary(i / 64.0);
            rocAuc.Update(i % 3 == 0, new ClassificationPrediction(i % 2 == 0, p));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            p.SetBinary((i % 100) / 100.0);
            rocAuc.Update(i % 3 == 0, new ClassificationPrediction(i % 2 == 0, p));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
