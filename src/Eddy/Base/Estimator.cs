using System.Buffers;
using Eddy.Serialization;

namespace Eddy.Base;

/// <summary>
/// Root of every learner. An estimator keeps its hyper-parameters (immutable, River's defaults) apart from its
/// learned state, and can write that state to Eddy's binary form and read it back bit-identically.
/// </summary>
public abstract class Estimator
{
    /// <summary>River's <c>clone()</c>: a new estimator with the same hyper-parameters and no learned state.</summary>
    public abstract Estimator CloneFresh();

    /// <summary>Writes the full learned state (not the hyper-parameters; <see cref="ToString"/> names those).</summary>
    public abstract void WriteState(StateWriter writer);

    /// <summary>
    /// Replaces the learned state with one written by <see cref="WriteState"/> on an estimator with the same
    /// hyper-parameters. Implementations read into locals and assign last, so a failed read changes nothing.
    /// </summary>
    public abstract void ReadState(StateReader reader);

    /// <summary>A deep copy: same hyper-parameters and same learned state, sharing nothing mutable.</summary>
    public Estimator Clone()
    {
        Estimator copy = CloneFresh();
        copy.ReadState(new StateReader(SerializeState()));
        return copy;
    }

    /// <summary>The learned state as bytes, for comparisons and snapshots.</summary>
    public byte[] SerializeState()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteState(new StateWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>True for estimators that consume categorical (string) values, such as encoders.</summary>
    public virtual bool AcceptsCategorical => false;

    /// <summary>
    /// Throws <see cref="InvalidFeatureException"/> when <paramref name="x"/> cannot be learned from or predicted on
    /// by this estimator (a non-finite value, or a category it cannot use). Cheap: flags, no scan, when valid.
    /// </summary>
    public void ValidateInput(FeatureVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.Validate(numericOnly: !AcceptsCategorical);
    }

    /// <summary>River's repr: the estimator's name and its hyper-parameters, e.g. <c>LogisticRegression(l2=0.0)</c>.</summary>
    public abstract override string ToString();
}
