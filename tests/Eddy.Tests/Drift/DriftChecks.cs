using Eddy.Drift;
using Eddy.Serialization;

namespace Eddy.Tests.Drift;

/// <summary>Contract checks every drift detector passes: snapshots, fresh clones, reset and refused input.</summary>
internal static class DriftChecks
{
    /// <summary>
    /// Snapshots mid-stream into a fresh clone, continues both, and expects the uninterrupted run's detections
    /// (and the same final state bytes).
    /// </summary>
    public static void SnapshotMidStream_ContinuesIdentically(DriftDetector detector, double[] stream, int at)
    {
        List<int> expected = DriftStreams.Detections(detector.CloneFresh(), stream);
        Assert.NotEmpty(expected);

        DriftDetector original = detector.CloneFresh();
        var found = new List<int>();
        for (int i = 0; i < at; i++)
        {
            original.Update(stream[i]);
            if (original.DriftDetected)
            {
                found.Add(i);
            }
        }

        DriftDetector restored = detector.CloneFresh();
        restored.ReadState(new StateReader(original.SerializeState()));
        Assert.Equal(original.SerializeState(), restored.SerializeState());
        for (int i = at; i < stream.Length; i++)
        {
            original.Update(stream[i]);
            restored.Update(stream[i]);
            if (restored.DriftDetected)
            {
                found.Add(i);
            }

            Assert.Equal(original.DriftDetected, restored.DriftDetected);
        }

        Assert.Equal(expected, found);
        Assert.Equal(original.SerializeState(), restored.SerializeState());
    }

    /// <summary>NaN and ±∞ are refused with <see cref="InvalidDriftInputException"/>, leaving the state byte-identical.</summary>
    public static void NonFinite_Refused_StateUnchanged(DriftDetector detector, double[] prefix)
    {
        foreach (double x in prefix)
        {
            detector.Update(x);
        }

        byte[] before = detector.SerializeState();
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            InvalidDriftInputException e = Assert.Throws<InvalidDriftInputException>(() => detector.Update(bad));
            Assert.IsAssignableFrom<ArgumentException>(e);
            Assert.Equal(before, detector.SerializeState());
        }
    }

    /// <summary>CloneFresh and Reset both give a detector in the state of a new one, with the same parameters.</summary>
    public static void CloneFreshAndReset_MatchNewDetector(DriftDetector detector, double[] stream)
    {
        byte[] fresh = detector.CloneFresh().SerializeState();
        foreach (double x in stream)
        {
            detector.Update(x);
        }

        Assert.NotEqual(fresh, detector.SerializeState());
        DriftDetector clone = detector.CloneFresh();
        Assert.Equal(detector.ToString(), clone.ToString());
        Assert.Equal(fresh, clone.SerializeState());
        detector.Reset();
        Assert.Equal(fresh, detector.SerializeState());
        Assert.False(detector.DriftDetected);
    }

    /// <summary>A state written by another detector type is refused and leaves the reader's state unchanged.</summary>
    public static void ReadState_OtherType_Refused(DriftDetector detector, DriftDetector other)
    {
        byte[] before = detector.SerializeState();
        Assert.Throws<SnapshotFormatException>(() => detector.ReadState(new StateReader(other.SerializeState())));
        Assert.Equal(before, detector.SerializeState());
    }
}
