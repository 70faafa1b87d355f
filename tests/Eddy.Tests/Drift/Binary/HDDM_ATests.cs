using Eddy.Datasets;
using Eddy.Drift.Binary;

namespace Eddy.Tests.Drift.Binary;

public sealed class HDDM_ATests
{
    [Fact]
    public void Update_RiverDoctest_PrintsRiversWarningAndDrift()
    {
        // River's docstring: warning at 451, change at 1206.
        Assert.Equal(["W451", "D1206"], DriftStreams.DoctestPrints(new HDDM_A(), DriftStreams.BinaryDoctestStream()));
    }

    [Fact]
    public void Update_RunLogRunning_DetectsTheStartsOfRunning()
    {
        List<int> found = DriftStreams.Detections(new HDDM_A(), DriftStreams.RunLogRunning());
        Assert.InRange(DriftStreams.DelayAfter(found, 60) ?? int.MaxValue, 0, 10);
        Assert.InRange(DriftStreams.DelayAfter(found, 204) ?? int.MaxValue, 0, 20);
    }

    [Fact]
    public void Update_TwoSidedRunLog_DetectsEveryAnnotatedChangeWithinTen()
    {
        List<int> found = DriftStreams.Detections(new HDDM_A(twoSidedTest: true), DriftStreams.RunLogRunning());
        foreach (int change in ChangePointAnnotations.Majority(ChangePointAnnotations.RunLog()))
        {
            Assert.InRange(DriftStreams.DelayAfter(found, change) ?? int.MaxValue, 0, 10);
        }
    }

    [Fact]
    public void Contract_SnapshotResetCloneFreshBadInput()
    {
        BinaryChecks.AllContractChecks(new HDDM_A(), DriftStreams.BinaryDoctestStream(), 1100);
        BinaryChecks.AllContractChecks(new HDDM_A(twoSidedTest: true), DriftStreams.RunLogRunning(), 150);
        BinaryChecks.SteadyState_DoesNotAllocate(new HDDM_A(), DriftStreams.BinaryDoctestStream());
    }

    [Fact]
    public void ToString_Defaults_RiverRepr()
    {
        Assert.Equal("HDDM_A(drift_confidence=0.001, warning_confidence=0.005, two_sided_test=False)", new HDDM_A().ToString());
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HDDM_A(driftConfidence: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HDDM_A(warningConfidence: 1));
    }
}
