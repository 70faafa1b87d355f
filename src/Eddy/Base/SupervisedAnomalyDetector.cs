namespace Eddy.Base;

/// <summary>
/// River's <c>anomaly.base.SupervisedAnomalyDetector</c>: learns from (features, real target) and scores how anomalous a
/// target is given the features. <see cref="ScoreOne"/> is pure. What a score means is the detector's own.
/// </summary>
public abstract class SupervisedAnomalyDetector : Estimator
{
    /// <summary>Learns one example; a non-finite feature or target throws before anything changes.</summary>
    public void LearnOne(FeatureVector x, double y)
    {
        ValidateInput(x);
        ValidateTarget(y);
        LearnCore(x, y);
    }

    /// <summary>Learns from a generic label, which must be numeric (booleans count as 0/1, as in Python).</summary>
    public void LearnOne(FeatureVector x, Label y) => LearnOne(x, y.ToDouble());

    /// <summary>The anomaly score of target <paramref name="y"/> given <paramref name="x"/>; never changes the detector.</summary>
    public double ScoreOne(FeatureVector x, double y)
    {
        ValidateInput(x);
        ValidateTarget(y);
        return ScoreCore(x, y);
    }

    /// <summary>Learns from an input already validated; must check before it writes.</summary>
    protected abstract void LearnCore(FeatureVector x, double y);

    /// <summary>Scores an input already validated.</summary>
    protected abstract double ScoreCore(FeatureVector x, double y);

    private static void ValidateTarget(double y)
    {
        if (!double.IsFinite(y))
        {
            throw new InvalidLabelException($"The target {y} is not finite.");
        }
    }
}
