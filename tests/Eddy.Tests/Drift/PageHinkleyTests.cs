using Eddy.Base;
using Eddy.Datasets;
using Eddy.Drift;
using Eddy.Tests.Support;

namespace Eddy.Tests.Drift;

public sealed class PageHinkleyTests
{
    [Fact]
    public void Update_RiverDoctestStream_DetectsAtRiversIndex()
    {
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        List<int> found = DriftStreams.Detections(new PageHinkley(), stream);
        Assert.Equal(ADWINTests.ReferenceDetections("PageHinkley()"), found);
        Assert.Equal([1006], found);
        Assert.Equal(5.0, stream[found[0]]);
    }

    [Fact]
    public void Update_Modes_UpSeesTheRiseDownDoesNot()
    {
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        Assert.Equal([1006], DriftStreams.Detections(new PageHinkley(mode: "up"), stream));
        Assert.Empty(DriftStreams.Detections(new PageHinkley(mode: "down"), stream));
        double[] falling = [.. stream.Select(v => -v)];
        Assert.Equal([1006], DriftStreams.Detections(new PageHinkley(mode: "down"), falling));
        Assert.Empty(DriftStreams.Detections(new PageHinkley(mode: "up"), falling));
    }

    [Fact]
    public void Update_BeforeMinInstances_NeverDetects()
    {
        var ph = new PageHinkley(minInstances: 30, threshold: 1);
        double[] stream = [.. Enumerable.Repeat(0.0, 10), .. Enumerable.Repeat(100.0, 19), 100.0];
        List<int> found = DriftStreams.Detections(ph, stream);
        Assert.Equal([29], found);
    }

    [Fact]
    public void Update_RunLogPace_DetectsEveryAnnotatedChange()
    {
        int[] changes = ChangePointAnnotations.Majority(ChangePointAnnotations.RunLog());
        Assert.Equal([60, 96, 114, 174, 204, 240, 258, 317], changes);
        List<int> found = DriftStreams.Detections(new PageHinkley(), DriftStreams.RunLogPace());

        // Each within min_instances. 114 and 258 come 6 and 12 values after the detections of 96 and 240, and a
        // detector that just fired waits min_instances values before it can fire again; the others take at most 12.
        int[] delays = [.. changes.Select(c => DriftStreams.DelayAfter(found, c) ?? int.MaxValue)];
        Assert.All(delays, d => Assert.InRange(d, 0, 30));
        Assert.Equal(6, delays.Count(d => d <= 12));
    }

    [Fact]
    public void ReadState_MidStream_SameDetections()
    {
        double[] stream = DriftStreams.RunLogPace();
        DriftChecks.SnapshotMidStream_ContinuesIdentically(new PageHinkley(), stream, 68);
        DriftChecks.SnapshotMidStream_ContinuesIdentically(new PageHinkley(), stream, 200);
    }

    [Fact]
    public void Contract_ResetCloneFreshBadInput()
    {
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        DriftChecks.CloneFreshAndReset_MatchNewDetector(new PageHinkley(threshold: 20, mode: "up"), stream[..1500]);
        DriftChecks.NonFinite_Refused_StateUnchanged(new PageHinkley(), stream[..50]);
        DriftChecks.ReadState_OtherType_Refused(new PageHinkley(), new ADWIN());
    }

    [Fact]
    public void Update_OverflowingSum_RefusedStateUnchanged()
    {
        var ph = new PageHinkley();
        ph.Update(-double.MaxValue);
        byte[] before = ph.SerializeState();
        Assert.Throws<NonFiniteUpdateException>(() => ph.Update(double.MaxValue));
        Assert.Equal(before, ph.SerializeState());
    }

    [Fact]
    public void Update_SteadyState_DoesNotAllocate()
    {
        var ph = new PageHinkley();
        double[] stream = RiverDatasets.DriftStreamRandom12345();
        DriftStreams.Detections(ph, stream);
        long allocated = SteadyAllocation.Fewest(() =>
        {
            for (int i = 0; i < stream.Length; i++)
            {
                ph.Update(stream[i]);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ToString_Defaults_RiverRepr()
    {
        Assert.Equal("PageHinkley(min_instances=30, delta=0.005, threshold=50.0, alpha=0.9999, mode='both')", new PageHinkley().ToString());
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageHinkley(minInstances: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageHinkley(alpha: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageHinkley(threshold: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageHinkley(mode: "sideways"));
    }
}
