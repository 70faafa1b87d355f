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
}
