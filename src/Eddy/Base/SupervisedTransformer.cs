namespace Eddy.Base;

/// <summary>
/// River's <c>base.SupervisedTransformer</c>: a transformer that learns from the target as well as the features
/// (target encoding). In a pipeline it transforms an example first and learns (x, y) after, so the features it
/// produces for an example never include that example's own target.
/// </summary>
public abstract class SupervisedTransformer : Transformer
{
    /// <summary>
    /// Updates the transformer with one example and its target. Throws <see cref="InvalidFeatureException"/> or
    /// <see cref="InvalidLabelException"/> before anything changes when the input is unusable.
    /// </summary>
    public void LearnOne(FeatureVector x, Label y)
    {
        ValidateInput(x);
        ValidateTarget(y);
        LearnCore(x, y);
    }

    internal override bool LearnsFromTarget => true;

    internal override void ValidateTarget(Label y) => CheckTarget(y);

    internal override void LearnTarget(FeatureVector x, Label y) => LearnOne(x, y);

    /// <summary>Throws <see cref="InvalidLabelException"/> when <paramref name="y"/> cannot be learned from.</summary>
    protected abstract void CheckTarget(Label y);

    /// <summary>Learns from an input and target already validated by <see cref="LearnOne(FeatureVector, Label)"/>.</summary>
    protected abstract void LearnCore(FeatureVector x, Label y);

    /// <summary>Without a target there is nothing to learn: the label-less <c>LearnOne</c> only validates.</summary>
    protected sealed override void LearnCore(FeatureVector x)
    {
    }
}
