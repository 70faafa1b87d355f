using Eddy.Drift.Binary;

namespace Eddy.Tests.Drift.Binary;

public sealed class EDDMTests
{
    [Fact]
    public void Update_RiverDoctest_PrintsRiversWarningAndDrift()
    {
        // River's docstring (alpha=0.8, beta=0.75 "to avoid too many false positives"): warning 1059, change 1278.
        var eddm = new EDDM(alpha: 0.8, beta: 0.75);
        Assert.Equal(["W1059", "D1278"], DriftStreams.DoctestPrints(eddm, DriftStreams.BinaryDoctestStream()));
    }

    [Fact]
    public void Update_RunLogRunning_DetectsTheStartsOfRunning()
    {
        List<int> found = DriftStreams.Detections(new EDDM(), DriftStreams.RunLogRunning());
        Assert.InRange(DriftStreams.DelayAfter(found, 204) ?? int.MaxValue, 0, 15);
        Assert.InRange(DriftStreams.DelayAfter(found, 258) ?? int.MaxValue, 0, 15);
    }

    [Fact]
    public void Update_OnlyCorrectValues_NeverWarnsOrDrifts()
    {
        var eddm = new EDDM();
        for (int i = 0; i < 1000; i++)
        {
            eddm.Update(false);
            Assert.False(eddm.DriftDetected || eddm.WarningDetected);
        }
    }

    [Fact]
    public void Contract_SnapshotResetCloneFreshBadInput()
    {
        BinaryChecks.AllContractChecks(new EDDM(alpha: 0.8, beta: 0.75), DriftStreams.BinaryDoctestStream(), 1100);
        BinaryChecks.SteadyState_DoesNotAllocate(new EDDM(), DriftStreams.BinaryDoctestStream());
    }

    [Fact]
    public void ToString_Defaults_RiverRepr()
    {
        Assert.Equal("EDDM(warm_start=30, alpha=0.95, beta=0.9)", new EDDM().ToString());
    }

    [Fact]
    public void Constructor_AlphaBelowBeta_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EDDM(alpha: 0.8, beta: 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EDDM(beta: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EDDM(warmStart: -1));
    }
}
