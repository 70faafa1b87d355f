namespace Eddy.Drift.Binary;

/// <summary>
/// River: <c>base.BinaryDriftAndWarningDetector</c>. A detector of a stream of bits (typically 1 = the model erred,
/// 0 = it was right) that also reports a warning zone before a drift.
/// </summary>
/// <remarks>
/// The numeric <see cref="Update(double)"/> takes exactly 0 and 1 (River's doctests feed <c>0</c>/<c>1</c> integers),
/// so a binary detector can stand wherever a <see cref="DriftDetector"/> is expected.
/// </remarks>
public abstract class BinaryDriftDetector : DriftDetector
{
    /// <summary>Whether the last update put the detector in its warning zone.</summary>
    public bool WarningDetected { get; protected set; }

    /// <summary>Feeds one bit: true (1) for an error or failure, false (0) for a correct or normal value.</summary>
    public abstract void Update(bool x);

    public sealed override void Update(double x)
    {
        if (x == 1.0)
        {
            Update(true);
        }
        else if (x == 0.0)
        {
            Update(false);
        }
        else
        {
            throw new InvalidDriftInputException(GetType().Name, x, "a binary detector takes 0 or 1");
        }
    }
}
