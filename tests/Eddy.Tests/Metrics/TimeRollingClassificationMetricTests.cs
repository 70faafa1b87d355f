using Eddy.Base;
using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Tests.Metrics;

/// <summary>Time windows over classification metrics: River's <c>utils.TimeRolling</c>.</summary>
public sealed class TimeRollingClassificationMetricTests
{
    private static readonly DateTimeOffset s_day0 = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_RandomStream_EqualsFreshMetricOverPeriod()
    {
        var period = TimeSpan.FromMinutes(10);
        var rolling = new TimeRollingClassificationMetric(new RocAuc(), period);
        var history = new List<(DateTimeOffset T, bool Truth, double P)>();
        var random = new Random(21);
        var buffer = new ClassProbabilities();
        DateTimeOffset t = s_day0;
        for (int i = 0; i < 80; i++)
        {
            t = t.AddMinutes(random.Next(4));
            bool truth = random.Next(2) == 1;
            double p = random.NextDouble();
            history.Add((t, truth, p));
            buffer.SetBinary(p);
            rolling.Update(truth, new ClassificationPrediction(p > 0.5, buffer), t);

            var fresh = new RocAuc();
            foreach ((DateTimeOffset ti, bool yi, double pi) in history)
            {
                if (ti > t - period)
                {
                    fresh.Update(yi, MetricFeed.Prediction(pi > 0.5, pi));
                }
            }

            Assert.Equal(fresh.Value, rolling.Value);
        }
    }

    [Fact]
    public void ReadState_SavedState_ContinuesIdentically()
    {
        var original = new TimeRollingClassificationMetric(new Eddy.Metrics.LogLoss(), TimeSpan.FromSeconds(30));
        var p = new ClassProbabilities();
        for (int i = 0; i < 20; i++)
        {
            p.SetBinary((i % 10) / 10.0);
            original.Update(i % 2 == 0, new ClassificationPrediction(true, p), s_day0.AddSeconds(i * 7));
        }

        var copy = (TimeRollingClassificationMetric)original.CloneFresh();
        copy.ReadState(new StateReader(original.SerializeState()));
        Assert.Equal(original.SerializeState(), copy.SerializeState());
        for (int i = 20; i < 30; i++)
        {
            p.SetBinary((i % 10) / 10.0);
            original.Update(true, new ClassificationPrediction(true, p), s_day0.AddSeconds(i * 7));
            copy.Update(true, new ClassificationPrediction(true, p), s_day0.AddSeconds(i * 7));
        }

        Assert.Equal(original.SerializeState(), copy.SerializeState());
    }

    [Fact]
    public void Update_WithoutTime_Throws()
    {
        var metric = new TimeRollingClassificationMetric(new Accuracy(), TimeSpan.FromDays(1));
        Assert.Throws<InvalidOperationException>(() => metric.Update(true, new ClassificationPrediction(true)));
    }

    [Fact]
    public void WriteState_FixedProbabilityUpdates_BytesPinned()
    {
        var metric = new TimeRollingClassificationMetric(new Eddy.Metrics.LogLoss(), TimeSpan.FromSeconds(3));
        int[] seconds = [5, 1, 6, 6, 4, 8, 7];
        var p = new ClassProbabilities();
        for (int i = 0; i < seconds.Length; i++)
        {
            p.SetBinary((i + 1) / 9.0);
            metric.Update(i % 3 != 0, new ClassificationPrediction(true, p), s_day0.AddSeconds(seconds[i]), 1 + (i * 0.5));
        }

        StatePin.Bytes(
            "1F00000054696D65526F6C6C696E67436C617373696669636174696F6E4D65747269630100F479177C6FD60804000000"
            + "00C748167C6FD60801000000000000000001000000000000F03F00000000000004400102000000010000000000000000"
            + "721CC7711CC7E13F01000000000000F03F1CC7711CC771DC3F00C748167C6FD60801000000000000F03F010000000000"
            + "00F03F00000000000000400102000000010000000000000000565555555555E53F01000000000000F03F555555555555"
            + "D53F805DE1167C6FD60801000000000000000001000000000000F03F0000000000001040010200000001000000000000"
            + "00001CC7711CC771CC3F01000000000000F03F398EE3388EE3E83F00F479177C6FD60801000000000000F03F01000000"
            + "000000F03F0000000000000C400102000000010000000000000000565555555555D53F01000000000000F03F55555555"
            + "5555E53F070000004C6F674C6F7373010000000000002840ACBF409E0D9BED3F",
            metric);
    }

    [Fact]
    public void WriteState_FixedLabelUpdates_BytesPinned()
    {
        var metric = new TimeRollingClassificationMetric(new WeightedF1(), TimeSpan.FromSeconds(3));
        int[] seconds = [5, 1, 6, 6, 4, 8, 7];
        Label[] truths = ["x", "y", "y", "z", "x", "z", "y"];
        Label[] predictions = ["x", "x", "y", "z", "z", "z", "y"];
        for (int i = 0; i < seconds.Length; i++)
        {
            metric.Update(truths[i], predictions[i], s_day0.AddSeconds(seconds[i]), 2 - (i * 0.25));
        }

        StatePin.Bytes(
            "1F00000054696D65526F6C6C696E67436C617373696669636174696F6E4D65747269630100F479177C6FD60804000000"
            + "00C748167C6FD60803010000007A03010000007A000000000000F43F0000C748167C6FD6080301000000790301000000"
            + "79000000000000F83F00805DE1167C6FD608030100000079030100000079000000000000E03F0000F479177C6FD60803"
            + "010000007A03010000007A000000000000E83F000A00000057656967687465644631010F000000436F6E667573696F6E"
            + "4D6174726978010300000003010000007803010000007903010000007A00000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000040000000000000000000000000000000000000000000000000000000"
            + "000000004003000000000000000000000000000000000000400000000000000040030000000000000000000000000000"
            + "0000000040000000000000004000000000000010400400000000000000",
            metric);
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        // Ten updates a minute with a one-minute period: once the buffer has grown, the window only turns over.
        var metric = new TimeRollingClassificationMetric(new RocAuc(), TimeSpan.FromMinutes(1));
        var p = new ClassProbabilities();
        for (int i = 0; i < 64; i++)
        {
            p.SetBinary(i / 64.0);
            metric.Update(i % 3 == 0, new ClassificationPrediction(i % 2 == 0, p), s_day0.AddSeconds(i * 6));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 64; i < 1064; i++)
        {
            p.SetBinary((i % 100) / 100.0);
            metric.Update(i % 3 == 0, new ClassificationPrediction(i % 2 == 0, p), s_day0.AddSeconds((i * 6) - (i % 3)));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
