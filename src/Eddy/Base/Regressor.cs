namespace Eddy.Base;

/// <summary>River's <c>base.Regressor</c>: learns from (features, real target) and predicts a real number.</summary>
public abstract class Regressor : Estimator
{
    /// <summary>Learns one example; a non-finite target or feature throws before anything changes.</summary>
    public abstract void LearnOne(FeatureVector x, double y, double w = 1.0);

    /// <summary>Learns from a generic label, which must be numeric (booleans count as 0/1, as in Python).</summary>
    public void LearnOne(FeatureVector x, Label y, double w = 1.0) => LearnOne(x, y.ToDouble(), w);

    /// <summary>The prediction for <paramref name="x"/>; never changes the model.</summary>
    public abstract double PredictOne(FeatureVector x);

    /// <summary>Throws <see cref="InvalidLabelException"/> for a NaN or infinite target.</summary>
    protected static void ValidateTarget(double y)
    {
        if (!double.IsFinite(y))
        {
            throw new InvalidLabelException($"The target {y} is not finite.");
        }
    }
}
