using Eddy.Base;
using Eddy.Datasets;
using Eddy.Drift;
using Eddy.Tests.Support;
using Eddy.Utils;

namespace Eddy.Tests.Drift;

public sealed class ADWINTests
{
    internal static List<int> ReferenceDetections(string model) =>
        [.. Reference.Root.GetProperty("drift").GetProperty(model).GetProperty("detections").EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public void DriftStream_MatchesRiverDoctestGenerator()
    {
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        double[] first20 = [.. Reference.Root.GetProperty("drift_stream_first20").EnumerateArray().Select(e => e.GetDouble())];
        Assert.Equal(first20, stream[..20]);
        Assert.Equal(DriftStreams.TwoRegimes(12345), stream);
    }

    [Fact]
    public void Update_RiverDoctestStream_DetectsAtRiversIndex()
    {
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        List<int> found = DriftStreams.Detections(new ADWIN(), stream);
        Assert.Equal(ReferenceDetections("ADWIN()"), found);
        Assert.Equal([1023], found);
        Assert.Equal(4.0, stream[found[0]]);
    }

    [Fact]
    public void Update_FourRegimesSeed42_MatchesRiversRegressionTest()
    {
        var rng = new PythonRandom(42);
        double[] stream =
        [
            .. DriftStreams.Choices(rng, [0, 1], 1000), .. DriftStreams.Choices(rng, [4, 5, 6, 7], 1000),
            .. DriftStreams.Choices(rng, [0, 1], 1000), .. DriftStreams.Choices(rng, [4, 5, 6, 7], 1000),
        ];

        // River's test_adwin_regression.py; releases that skipped each row's newest bucket gave [1023, 2047, 3039].
        Assert.Equal([1023, 2015, 3007], DriftStreams.Detections(new ADWIN(), stream));
    }

    [Fact]
    public void Statistics_FiveValues_WidthTotalEstimationVariance()
    {
        var adwin = new ADWIN();
        Assert.Equal(0.0, adwin.Estimation);
        for (int i = 1; i <= 5; i++)
        {
            adwin.Update(i);
            Assert.Equal(i, adwin.Width);
        }

        Assert.Equal(15.0, adwin.Total);
        Assert.Equal(3.0, adwin.Estimation);
        Assert.Equal(10.0, adwin.Variance, 12);
    }

    [Fact]
    public void Statistics_ManyValuesNoCheck_MatchBatchSumOfSquares()
    {
        var adwin = new ADWIN(clock: 1_000_000);
        double[] values = [.. Enumerable.Range(0, 200).Select(i => (double)(i % 7))];
        double mean = values.Average();
        foreach (double v in values)
        {
            adwin.Update(v);
        }

        Assert.Equal(200.0, adwin.Width);
        Assert.Equal(values.Sum(), adwin.Total);
        Assert.Equal(values.Sum(v => (v - mean) * (v - mean)), adwin.Variance, 1e-9);
    }

    [Fact]
    public void Update_AfterDrift_StartsAFreshWindow()
    {
        var adwin = new ADWIN(clock: 1);
        for (int i = 0; i < 500; i++)
        {
            adwin.Update(0.0);
        }

        int detectedAt = -1;
        for (int i = 0; i < 500 && detectedAt < 0; i++)
        {
            adwin.Update(100.0);
            detectedAt = adwin.DriftDetected ? i : -1;
        }

        Assert.True(detectedAt >= 0);
        Assert.Equal(1, adwin.NDetections);
        adwin.Update(50.0);
        Assert.Equal(1.0, adwin.Width);
        Assert.False(adwin.DriftDetected);
    }

    [Fact]
    public void Update_ConstantOrWithinGracePeriod_NeverDetects()
    {
        var constant = new ADWIN();
        Assert.Empty(DriftStreams.Detections(constant, [.. Enumerable.Repeat(1.0, 5000)]));
        var graceful = new ADWIN(clock: 1, gracePeriod: 100);
        Assert.Empty(DriftStreams.Detections(graceful, [.. Enumerable.Repeat(0.0, 50), .. Enumerable.Repeat(1000.0, 50)]));
    }

    [Fact]
    public void Update_RunLogPace_DetectsAnnotatedChangesWithinTwoClocks()
    {
        int[] changes = ChangePointAnnotations.Majority(ChangePointAnnotations.RunLog());
        List<int> found = DriftStreams.Detections(new ADWIN(), DriftStreams.RunLogPace());

        // ADWIN looks for cuts every 32 values, so a change shows within a check or two.
        Assert.InRange(DriftStreams.DelayAfter(found, changes[0]) ?? int.MaxValue, 0, 64);
        Assert.InRange(DriftStreams.DelayAfter(found, 204) ?? int.MaxValue, 0, 32);
        Assert.InRange(DriftStreams.DelayAfter(found, 240) ?? int.MaxValue, 0, 32);
    }

    [Fact]
    public void ReadState_MidStream_SameDetections()
    {
        var rng = new PythonRandom(42);
        double[] stream = [.. DriftStreams.Choices(rng, [0, 1], 1000), .. DriftStreams.Choices(rng, [4, 5, 6, 7], 1000)];
        DriftChecks.SnapshotMidStream_ContinuesIdentically(new ADWIN(), stream, 1010);
        DriftChecks.SnapshotMidStream_ContinuesIdentically(new ADWIN(clock: 1, maxBuckets: 2), stream, 777);
    }

    [Fact]
    public void Contract_ResetCloneFreshBadInput()
    {
        double[] stream = DriftStreams.TwoRegimes(12345);
        DriftChecks.CloneFreshAndReset_MatchNewDetector(new ADWIN(delta: 0.01), stream[..1500]);
        DriftChecks.NonFinite_Refused_StateUnchanged(new ADWIN(), stream[..300]);
        DriftChecks.ReadState_OtherType_Refused(new ADWIN(), new PageHinkley());
    }

    [Fact]
    public void Update_OverflowingTotal_RefusedStateUnchanged()
    {
        var adwin = new ADWIN();
        adwin.Update(double.MaxValue);
        byte[] before = adwin.SerializeState();
        Assert.Throws<NonFiniteUpdateException>(() => adwin.Update(double.MaxValue));
        Assert.Equal(before, adwin.SerializeState());
    }

    [Fact]
    public void Update_SteadyState_DoesNotAllocate()
    {
        var adwin = new ADWIN();
        double[] stream = DriftStreams.TwoRegimes(12345);
        DriftStreams.Detections(adwin, stream);
        long allocated = SteadyAllocation.Fewest(() =>
        {
            for (int i = 0; i < stream.Length; i++)
            {
                adwin.Update(stream[i]);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ToString_Defaults_RiverRepr()
    {
        Assert.Equal("ADWIN(delta=0.002, clock=32, max_buckets=5, min_window_length=5, grace_period=10)", new ADWIN().ToString());
    }

    [Theory]
    [InlineData(0.0, 32, 5, 5, 10)]
    [InlineData(1.0, 32, 5, 5, 10)]
    [InlineData(0.002, 0, 5, 5, 10)]
    [InlineData(0.002, 32, 0, 5, 10)]
    [InlineData(0.002, 32, 5, 0, 10)]
    [InlineData(0.002, 32, 5, 5, -1)]
    public void Constructor_OutOfRange_Throws(double delta, int clock, int maxBuckets, int minWindowLength, int gracePeriod)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ADWIN(delta, clock, maxBuckets, minWindowLength, gracePeriod));
    }
}
