using Eddy.Drift;
using Eddy.Serialization;

namespace Eddy.Ensembles;

/// <summary>The per-member ADWIN detectors of River's ADWIN and leveraging bagging: choice of the member to reset, state.</summary>
internal static class EnsembleDetectors
{
    public static ADWIN[] Create(int count, double delta)
    {
        var detectors = new ADWIN[count];
        for (int i = 0; i < count; i++)
        {
            detectors[i] = new ADWIN(delta);
        }

        return detectors;
    }

    /// <summary>
    /// Feeds one value to a member's detector and tells whether it reported a drift that raised its estimate
    /// (River compares the estimate before and after the update).
    /// </summary>
    public static bool UpdateAndCheckRise(ADWIN detector, double value)
    {
        double before = detector.Estimation;
        detector.Update(value);
        return detector.DriftDetected && detector.Estimation > before;
    }

    /// <summary>Python's <c>max(range(n), key=lambda j: detectors[j].estimation)</c>: the first index on ties.</summary>
    public static int HighestEstimation(ADWIN[] detectors)
    {
        int best = 0;
        for (int j = 1; j < detectors.Length; j++)
        {
            if (detectors[j].Estimation > detectors[best].Estimation)
            {
                best = j;
            }
        }

        return best;
    }

    public static void Write(StateWriter writer, ADWIN[] detectors)
    {
        foreach (ADWIN detector in detectors)
        {
            detector.WriteState(writer);
        }
    }

    /// <summary>Reads <paramref name="count"/> detectors into new objects (nothing live changes).</summary>
    public static ADWIN[] Read(StateReader reader, int count, double delta)
    {
        ADWIN[] detectors = Create(count, delta);
        foreach (ADWIN detector in detectors)
        {
            detector.ReadState(reader);
        }

        return detectors;
    }
}
