namespace Eddy.Base;

/// <summary>
/// River's <c>anomaly.base.AnomalyDetector</c>: learns from unlabelled examples and scores how anomalous an example
/// is. <see cref="ScoreOne"/> is pure (it reads the state, never writes), so it can run on a published model while
/// another copy learns. What a score means (its range, whether high is anomalous) is the detector's own.
/// </summary>
public abstract class AnomalyDetector : Estimator
{
    /// <summary>
    /// Learns one example. Throws <see cref="InvalidFeatureException"/> (or <see cref="NonFiniteUpdateException"/>)
    /// before anything changes when <paramref name="x"/> cannot be learned from.
    /// </summary>
    public void LearnOne(FeatureVector x)
    {
        ValidateInput(x);
        LearnCore(x);
    }

    /// <summary>The anomaly score of <paramref name="x"/>; never changes the detector.</summary>
    public double ScoreOne(FeatureVector x)
    {
        ValidateInput(x);
        return ScoreCore(x);
    }

    /// <summary>Learns from an input already validated by <see cref="LearnOne"/>; must check before it writes.</summary>
    protected abstract void LearnCore(FeatureVector x);

    /// <summary>Scores an input already validated by <see cref="ScoreOne"/>.</summary>
    protected abstract double ScoreCore(FeatureVector x);
}
