using Eddy.Compose;

namespace Eddy.Base;

/// <summary>
/// Maps features to features (River's <c>base.Transformer</c>). <see cref="TransformOne"/> is pure: it reads the
/// state and writes only <c>output</c>, so it can run on a published model while another copy learns.
/// </summary>
public abstract class Transformer : Estimator
{
    /// <summary>
    /// Updates the transformer's statistics with one example; stateless transformers only validate it.
    /// Throws <see cref="InvalidFeatureException"/> before anything changes when <paramref name="x"/> is unusable.
    /// </summary>
    public void LearnOne(FeatureVector x)
    {
        ValidateInput(x);
        LearnCore(x);
    }

    /// <summary>
    /// Writes the transformed features of <paramref name="x"/> into <paramref name="output"/> (cleared first,
    /// same schema). Names the transformer creates are interned when <c>output.Interning</c> is on, else transient.
    /// Pure: reads the state, writes only <paramref name="output"/>.
    /// </summary>
    public void TransformOne(FeatureVector x, FeatureVector output)
    {
        ValidateInput(x);
        ArgumentNullException.ThrowIfNull(output);
        TransformCore(x, output);
    }

    /// <summary>Learns from an input already validated by <see cref="LearnOne"/>.</summary>
    protected virtual void LearnCore(FeatureVector x)
    {
    }

    /// <summary>True when the transformer (or a member of a union) learns from the target (River's <c>_supervised</c>).</summary>
    internal virtual bool LearnsFromTarget => false;

    /// <summary>Throws <see cref="InvalidLabelException"/> when a supervised part cannot learn from <paramref name="y"/>.</summary>
    internal virtual void ValidateTarget(Label y)
    {
    }

    /// <summary>Lets the supervised parts learn (x, y); a pipeline calls it after transforming, as River does.</summary>
    internal virtual void LearnTarget(FeatureVector x, Label y)
    {
    }

    /// <summary>Transforms an input already validated by <see cref="TransformOne"/>.</summary>
    protected abstract void TransformCore(FeatureVector x, FeatureVector output);

    /// <summary>River's <c>|</c>: chain two transformers.</summary>
    public static TransformerPipeline operator |(Transformer left, Transformer right) => TransformerPipeline.Chain(left, right);

    /// <summary>River's <c>|</c>: a transformer in front of a classifier.</summary>
    public static ClassifierPipeline operator |(Transformer left, Classifier right) => ClassifierPipeline.Chain(left, right);

    /// <summary>River's <c>|</c>: a transformer in front of a regressor.</summary>
    public static RegressorPipeline operator |(Transformer left, Regressor right) => RegressorPipeline.Chain(left, right);

    /// <summary>River's <c>|</c>: a transformer in front of an anomaly detector.</summary>
    public static AnomalyPipeline operator |(Transformer left, AnomalyDetector right) => AnomalyPipeline.Chain(left, right);

    /// <summary>River's <c>+</c>: run both on the same input and merge their outputs.</summary>
    public static TransformerUnion operator +(Transformer left, Transformer right) => TransformerUnion.Merge(left, right);
}
