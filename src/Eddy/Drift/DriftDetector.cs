using System.Buffers;
using Eddy.Serialization;

namespace Eddy.Drift;

/// <summary>
/// River: <c>base.DriftDetector</c>. Watches a stream of numbers one value at a time and reports, after each
/// <see cref="Update"/>, whether the value just seen completed a change in the stream's distribution.
/// </summary>
/// <remarks>
/// As in River, a detector that reported a drift starts afresh on its next update (River's <c>_reset</c> at the top of
/// <c>update</c>), so <see cref="DriftDetected"/> describes the last update only. Hyper-parameters are immutable; the
/// learned state round-trips bit-identically through <see cref="WriteState"/> and <see cref="ReadState"/>.
/// </remarks>
public abstract class DriftDetector
{
    /// <summary>Whether the last update detected a drift.</summary>
    public bool DriftDetected { get; protected set; }

    /// <summary>
    /// Feeds one value. Throws <see cref="InvalidDriftInputException"/> for NaN or ±∞ (and, for binary detectors,
    /// anything but 0 and 1) before any state changes.
    /// </summary>
    public abstract void Update(double x);

    /// <summary>River's <c>_reset()</c>: forgets everything learned; hyper-parameters stay.</summary>
    public abstract void Reset();

    /// <summary>River's <c>clone()</c>: a new detector with the same hyper-parameters and no learned state.</summary>
    public abstract DriftDetector CloneFresh();

    public abstract void WriteState(StateWriter writer);

    /// <summary>Replaces the state with one written by <see cref="WriteState"/>; reads into locals and assigns last.</summary>
    public abstract void ReadState(StateReader reader);

    /// <summary>A deep copy: same hyper-parameters and same state, sharing nothing mutable.</summary>
    public DriftDetector Clone()
    {
        DriftDetector copy = CloneFresh();
        copy.ReadState(new StateReader(SerializeState()));
        return copy;
    }

    public byte[] SerializeState()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        WriteState(new StateWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>River's repr: the detector's name and its hyper-parameters.</summary>
    public abstract override string ToString();

    protected void ValidateFinite(double x)
    {
        if (!double.IsFinite(x))
        {
            throw new InvalidDriftInputException(GetType().Name, x, "the value must be finite");
        }
    }
}
