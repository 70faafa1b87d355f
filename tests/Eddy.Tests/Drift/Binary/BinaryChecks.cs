using Eddy.Drift;
using Eddy.Drift.Binary;
using Eddy.Tests.Support;

namespace Eddy.Tests.Drift.Binary;

/// <summary>What every binary detector shares on top of <see cref="DriftChecks"/>: the 0/1 numeric door.</summary>
internal static class BinaryChecks
{
    /// <summary>Update(1.0)/Update(0.0) are Update(true)/Update(false); any other number is refused, state unchanged.</summary>
    public static void NumericUpdate_OnlyZeroAndOne(BinaryDriftDetector detector, double[] stream)
    {
        BinaryDriftDetector viaBool = (BinaryDriftDetector)detector.CloneFresh();
        foreach (double x in stream)
        {
            detector.Update(x);
            viaBool.Update(x == 1.0);
            Assert.Equal(viaBool.DriftDetected, detector.DriftDetected);
            Assert.Equal(viaBool.WarningDetected, detector.WarningDetected);
        }

        Assert.Equal(viaBool.SerializeState(), detector.SerializeState());
        byte[] before = detector.SerializeState();
        foreach (double bad in new[] { 0.5, 2.0, -1.0, double.NaN, double.PositiveInfinity })
        {
            Assert.Throws<InvalidDriftInputException>(() => detector.Update(bad));
            Assert.Equal(before, detector.SerializeState());
        }
    }

    public static void AllContractChecks(BinaryDriftDetector detector, double[] stream, int snapshotAt)
    {
        DriftChecks.SnapshotMidStream_ContinuesIdentically(detector.CloneFresh(), stream, snapshotAt);
        DriftChecks.CloneFreshAndReset_MatchNewDetector(detector.CloneFresh(), stream);
        DriftChecks.NonFinite_Refused_StateUnchanged(detector.CloneFresh(), stream[..100]);
        DriftChecks.ReadState_OtherType_Refused(detector.CloneFresh(), new ADWIN());
        NumericUpdate_OnlyZeroAndOne((BinaryDriftDetector)detector.CloneFresh(), stream);
    }

    public static void SteadyState_DoesNotAllocate(BinaryDriftDetector detector, double[] stream)
    {
        DriftStreams.Detections(detector, stream);
        long allocated = SteadyAllocation.Fewest(() =>
        {
            for (int i = 0; i < stream.Length; i++)
            {
                detector.Update(stream[i] == 1.0);
            }
        });

        Assert.Equal(0, allocated);
    }
}
