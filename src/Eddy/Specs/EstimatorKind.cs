namespace Eddy.Specs;

/// <summary>What a built model is, which decides the metrics it can be scored with.</summary>
public enum EstimatorKind
{
    Transformer,
    Classifier,
    Regressor,

    /// <summary>An anomaly detector: learns without labels and scores (River's <c>anomaly.base.AnomalyDetector</c>).</summary>
    Anomaly,

    /// <summary>A supervised anomaly detector: scores a target given features (River's <c>anomaly.base.SupervisedAnomalyDetector</c>).</summary>
    SupervisedAnomaly,
}
