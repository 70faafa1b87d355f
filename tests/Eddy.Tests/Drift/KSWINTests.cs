using Eddy.Datasets;
using Eddy.Drift;
using Eddy.Utils;
using Eddy.Tests.Support;

namespace Eddy.Tests.Drift;

public sealed class KSWINTests
{
    [Fact]
    public void Update_RiverDoctest_DetectsAtRiversIndex()
    {
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        List<int> found = DriftStreams.Detections(new KSWIN(alpha: 0.0001, seed: 42), stream);

        // River's docstring: "Change detected at index 1016, input value: 6".
        Assert.Equal([1016], found);
        Assert.Equal(6.0, stream[1016]);
    }

    [Theory]
    [InlineData(70, 30)]
    [InlineData(300, 30)]
    [InlineData(5, 5)]
    [InlineData(1000, 4)]
    [InlineData(50, 0)]
    public void SampleRange_PoolAndRejection_DrawsAsPythonRandomSample(int n, int k)
    {
        var expected = new int[k];
        var actual = new int[k];
        var reference = new PythonRandom(7);
        var rng = new PythonRandom(7);
        var chosen = new bool[n];
        for (int round = 0; round < 5; round++)
        {
            reference.Sample(n, expected);
            KSWIN.SampleRange(rng, n, actual, new int[n], chosen);
            Assert.Equal(expected, actual);
            Assert.DoesNotContain(true, chosen);
        }
    }

    [Fact]
    public void TwoSample_Disjoint_ScipysExactValue()
    {
        // scipy.stats.ks_2samp([1, 2, 3], [4, 5, 6]): statistic 1.0, p-value 2 / C(6, 3) = 0.1.
        (double d, double p) = KolmogorovSmirnov.TwoSample(new double[] { 3, 1, 2 }, new double[] { 6, 4, 5 });
        Assert.Equal(1.0, d);
        Assert.Equal(0.1, p, 1e-15);
        Assert.Equal((0.0, 1.0), KolmogorovSmirnov.TwoSample(new double[] { 1, 2 }, new double[] { 2, 1 }));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(7)]
    public void ProbabilityOutsideSquare_EveryH_MatchesLatticePathCount(int n)
    {
        for (int h = 1; h <= n; h++)
        {
            // P(D ≥ h/n) = 1 − (paths from (0,0) to (n,n) with |x − y| < h) / C(2n, n).
            var paths = new double[n + 1, n + 1];
            for (int x = 0; x <= n; x++)
            {
                for (int y = 0; y <= n; y++)
                {
                    if (Math.Abs(x - y) >= h)
                    {
                        continue;
                    }

                    paths[x, y] = x == 0 && y == 0 ? 1 : (x > 0 ? paths[x - 1, y] : 0) + (y > 0 ? paths[x, y - 1] : 0);
                }
            }

            double all = 1;
            for (int i = 1; i <= n; i++)
            {
                all = all * (n + i) / i;
            }

            double expected = 1 - (paths[n, n] / all);
            Assert.Equal(expected, Math.Min(1.0, KolmogorovSmirnov.ProbabilityOutsideSquare(n, h)), 1e-12);
        }
    }

    [Fact]
    public void Update_RunLogPace_DetectsTheReturnToWalking()
    {
        List<int> found = DriftStreams.Detections(new KSWIN(seed: 42), DriftStreams.RunLogPace());

        // The first test needs a full window (100 values), so the run-to-walk change at 174 is the first it can place.
        Assert.InRange(DriftStreams.DelayAfter(found, 174) ?? int.MaxValue, 0, 30);
    }

    [Fact]
    public void Window_Initial_FirstUpdateAlreadyTests()
    {
        var kswin = new KSWIN(seed: 1, window: Enumerable.Repeat(0.0, 150));
        kswin.Update(0.0);
        Assert.Equal(1.0, kswin.PValue);
        Assert.Equal(1, kswin.N);
        Assert.Equal(0.0, new KSWIN(seed: 1, window: Enumerable.Repeat(0.0, 98)).PValue);
    }

    [Fact]
    public void ReadState_MidStream_SameDetections()
    {
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        DriftChecks.SnapshotMidStream_ContinuesIdentically(new KSWIN(alpha: 0.0001, seed: 42), stream, 1010);
        DriftChecks.SnapshotMidStream_ContinuesIdentically(new KSWIN(seed: 3, windowSize: 60, statSize: 20), stream, 1500);
    }

    [Fact]
    public void Clone_UnseededDetector_ReplaysIdentically()
    {
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        var kswin = new KSWIN();
        for (int i = 0; i < 1000; i++)
        {
            kswin.Update(stream[i]);
        }

        DriftDetector copy = kswin.Clone();
        Assert.Equal(DriftStreams.Detections(kswin, stream[1000..]), DriftStreams.Detections(copy, stream[1000..]));
        Assert.Equal(kswin.SerializeState(), copy.SerializeState());
    }

    [Fact]
    public void Contract_ResetCloneFreshBadInput()
    {
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        DriftChecks.CloneFreshAndReset_MatchNewDetector(new KSWIN(seed: 5), stream[..1500]);
        DriftChecks.NonFinite_Refused_StateUnchanged(new KSWIN(seed: 5), stream[..150]);
        DriftChecks.ReadState_OtherType_Refused(new KSWIN(seed: 5), new ADWIN());
        var other = new KSWIN(seed: 6);
        Assert.Throws<Eddy.Serialization.SnapshotFormatException>(
            () => new KSWIN(seed: 5).ReadState(new Eddy.Serialization.StateReader(other.SerializeState())));
    }

    [Fact]
    public void Update_SteadyState_DoesNotAllocate()
    {
        var kswin = new KSWIN(seed: 42);
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        DriftStreams.Detections(kswin, stream);
        long allocated = SteadyAllocation.Fewest(() =>
        {
            for (int i = 0; i < stream.Length; i++)
            {
                kswin.Update(stream[i]);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ToString_RiverRepr()
    {
        Assert.Equal("KSWIN(alpha=0.005, window_size=100, stat_size=30, seed=None, window=None)", new KSWIN().ToString());
        Assert.Equal("KSWIN(alpha=0.0001, window_size=100, stat_size=30, seed=42, window=[1.0, 2.5])", new KSWIN(0.0001, seed: 42, window: [1, 2.5]).ToString());
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KSWIN(alpha: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KSWIN(alpha: 1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KSWIN(windowSize: 10, statSize: 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KSWIN(windowSize: 50, statSize: 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KSWIN(statSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KSWIN(window: [1.0, double.NaN]));
    }
}
