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
    public void Update_MeanMetric_EqualsFreshMetricOverLastN(string name) =>
        MetricAssert.RollingMatchesFreshOverLastN(Rolling.Of((ClassificationMetric)MetricFeed.Create(name), 5), name, 5);

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

    [Fact]
    public void WriteState_FixedProbabilityUpdates_BytesPinned()
    {
        // Window 3 after 5 updates: wrapped, and each slot holds its own copy of the probabilities.
        var metric = new RollingClassificationMetric(new CrossEntropy(), 3);
        var p = new ClassProbabilities();
        double[][] probabilities = [[0.2, 0.5, 0.3], [0.6, 0.1, 0.3], [0.25, 0.25, 0.5], [0.9, 0.05, 0.05], [0.1, 0.7, 0.2]];
        Label[] truths = ["a", "b", "c", "a", "c"];
        for (int i = 0; i < truths.Length; i++)
        {
            p.Clear();
            p.Add("a", probabilities[i][0]);
            p.Add("b", probabilities[i][1]);
            p.Add("c", probabilities[i][2]);
            metric.Update(truths[i], new ClassificationPrediction(p.ArgMax(), p), 1 + (i * 0.5));
        }

        StatePin.Bytes(
            "1B000000526F6C6C696E67436C617373696669636174696F6E4D65747269630103000000030000000301000000630301"
            + "0000006300000000000000400103000000030100000061000000000000D03F030100000062000000000000D03F030100"
            + "000063000000000000E03F03010000006103010000006100000000000004400103000000030100000061CDCCCCCCCCCC"
            + "EC3F0301000000629A9999999999A93F0301000000639A9999999999A93F030100000063030100000062000000000000"
            + "084001030000000301000000619A9999999999B93F030100000062666666666666E63F0301000000639A9999999999C9"
            + "3F0C00000043726F7373456E74726F7079010000000000001E40113261B6B6A3EB3F",
            metric);
    }

    [Fact]
    public void WriteState_FixedLabelUpdates_BytesPinned()
    {
        var metric = new RollingClassificationMetric(new MacroF1(), 3);
        Label[] truths = [0, 1, 2, 2, 1];
        Label[] predictions = [0, 0, 2, 1, 1];
        for (int i = 0; i < truths.Length; i++)
        {
            metric.Update(truths[i], predictions[i], 2 - (i * 0.25));
        }

        StatePin.Bytes(
            "1B000000526F6C6C696E67436C617373696669636174696F6E4D65747269630103000000030000000200000000000000"
            + "40020000000000000040000000000000F83F0002000000000000004002000000000000F03F000000000000F43F000200"
            + "0000000000F03F02000000000000F03F000000000000F03F00070000004D6163726F4631010F000000436F6E66757369"
            + "6F6E4D6174726978010300000002000000000000000002000000000000F03F0200000000000000400000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000F03F00000000000000000000000000000000"
            + "000000000000F43F000000000000F83F030000000000000000000000000000000000F03F000000000000064003000000"
            + "00000000000000000000000000000240000000000000F83F0000000000000E400300000000000000",
            metric);
    }
}
