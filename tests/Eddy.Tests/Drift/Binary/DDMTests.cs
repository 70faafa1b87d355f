using Eddy.Drift.Binary;

namespace Eddy.Tests.Drift.Binary;

public sealed class DDMTests
{
    [Fact]
    public void Update_RiverDoctest_PrintsRiversWarningsAndDrift()
    {
        // River's docstring: warning at 1084, change at 1334, warning at 1492.
        Assert.Equal(["W1084", "D1334", "W1492"], DriftStreams.DoctestPrints(new DDM(), DriftStreams.BinaryDoctestStream()));
    }

    [Fact]
    public void Update_RunLogRunning_DetectsTheStartsOfRunning()
    {
        List<int> found = DriftStreams.Detections(new DDM(), DriftStreams.RunLogRunning());
        Assert.InRange(DriftStreams.DelayAfter(found, 60) ?? int.MaxValue, 0, 5);
        Assert.InRange(DriftStreams.DelayAfter(found, 204) ?? int.MaxValue, 0, 25);
        Assert.InRange(DriftStreams.DelayAfter(found, 258) ?? int.MaxValue, 0, 25);
    }

    [Fact]
    public void Update_WithinWarmStart_NeverWarnsOrDrifts()
    {
        var ddm = new DDM(warmStart: 30);
        for (int i = 0; i < 30; i++)
        {
            ddm.Update(i >= 20);
            Assert.False(ddm.DriftDetected || ddm.WarningDetected);
        }
    }

    [Fact]
    public void Contract_SnapshotResetCloneFreshBadInput()
    {
        BinaryChecks.AllContractChecks(new DDM(), DriftStreams.BinaryDoctestStream(), 1200);
        BinaryChecks.SteadyState_DoesNotAllocate(new DDM(), DriftStreams.BinaryDoctestStream());
    }

    [Fact]
    public void ToString_Defaults_RiverRepr()
    {
        Assert.Equal("DDM(warm_start=30, warning_threshold=2.0, drift_threshold=3.0)", new DDM().ToString());
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DDM(warmStart: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DDM(warningThreshold: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DDM(driftThreshold: -1));
    }
}
