namespace Eddy.Base;

/// <summary>River's <c>base.Classifier</c>: learns from (features, class) and predicts a class or a distribution.</summary>
public abstract class Classifier : Estimator
{
    /// <summary>
    /// Learns one example. Throws <see cref="InvalidFeatureException"/> or <see cref="InvalidLabelException"/>
    /// before changing anything when the input cannot be learned from.
    /// </summary>
    public abstract void LearnOne(FeatureVector x, Label y, double w = 1.0);

    /// <summary>
    /// Writes P(class | x) into <paramref name="output"/> (cleared first). Returns false, with an empty output,
    /// when the model has nothing to say yet (River's <c>{}</c>); evaluation then skips the metric update.
    /// Never changes the model.
    /// </summary>
    public abstract bool PredictProbaOne(FeatureVector x, ClassProbabilities output);

    /// <summary>
    /// Throws <see cref="InvalidLabelException"/> when <paramref name="y"/> cannot be learned by this classifier.
    /// Pipelines call it before any step learns, so a bad label changes nothing.
    /// </summary>
    public virtual void ValidateLabel(Label y)
    {
        if (y.IsNone)
        {
            throw new InvalidLabelException("The label is missing.");
        }
    }

    /// <summary>True when a prediction is a class picked from <see cref="PredictProbaOne"/> (River's default).</summary>
    public virtual bool PredictsFromProbabilities => true;

    /// <summary>The most likely class (first on ties), or <see cref="Label.None"/> before anything was learned.</summary>
    public virtual Label PredictOne(FeatureVector x)
    {
        ClassProbabilities probabilities = ScratchPool.RentProbabilities();
        try
        {
            return PredictProbaOne(x, probabilities) ? probabilities.ArgMax() : Label.None;
        }
        finally
        {
            ScratchPool.Return(probabilities);
        }
    }
}
