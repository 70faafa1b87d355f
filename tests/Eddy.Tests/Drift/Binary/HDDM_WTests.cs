using Eddy.Drift.Binary;

namespace Eddy.Tests.Drift.Binary;

public sealed class HDDM_WTests
{
    [Fact]
    public void Update_RiverDoctest_PrintsRiversWarningAndDrift()
    {
        // River's docstring: warning at 451, change at 1077.
        Assert.Equal(["W451", "D1077"], DriftStreams.DoctestPrints(new HDDM_W(), DriftStreams.BinaryDoctestStream()));
    }

    [Fact]
    public void Update_RunLogRunning_DetectsTheStartsOfRunning()
    {
        List<int> found = DriftStreams.Detections(new HDDM_W(), DriftStreams.RunLogRunning());
        Assert.InRange(DriftStreams.DelayAfter(found, 60) ?? int.MaxValue, 0, 20);
        Assert.InRange(DriftStreams.DelayAfter(found, 204) ?? int.MaxValue, 0, 25);
    }

    [Fact]
    public void Contract_SnapshotResetCloneFreshBadInput()
    {
        BinaryChecks.AllContractChecks(new HDDM_W(), DriftStreams.BinaryDoctestStream(), 1000);
        BinaryChecks.AllContractChecks(new HDDM_W(twoSidedTest: true), DriftStreams.RunLogRunning(), 150);
        BinaryChecks.SteadyState_DoesNotAllocate(new HDDM_W(), DriftStreams.BinaryDoctestStream());
    }

    [Fact]
    public void ToString_Defaults_RiverRepr()
    {
        Assert.Equal(
            "HDDM_W(drift_confidence=0.001, warning_confidence=0.005, lambda_val=0.05, two_sided_test=False)",
            new HDDM_W().ToString());
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HDDM_W(driftConfidence: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HDDM_W(lambdaVal: 1.5));
    }
}
