using Eddy.Base;
using Eddy.Metrics;

namespace Eddy.Server.Hosting;

/// <summary>
/// What a model is: its name, its spec (canonical JSON, as created), fresh-instance prototypes of its estimator and
/// metrics, and how its replica is published. The host clones the prototypes; it never learns on them.
/// </summary>
internal sealed record ModelDefinition(
    string Name,
    string Spec,
    Estimator Prototype,
    IReadOnlyList<Metric> MetricPrototypes,
    PublicationPolicy Publication,
    int RollingWindow,
    Monitoring.WatchSpec? Watch = null,
    OutputMapping? Output = null)
{
    public bool IsClassifier => Prototype is Classifier;

    /// <summary>When this definition was made (creation or change), Unix milliseconds; 0 when unknown (older logs).</summary>
    public long CreatedAtMs { get; init; }

    /// <summary>An anomaly detector: learns without labels, answers scores; a learn's "label" is feedback for the metrics.</summary>
    public bool IsAnomaly => Prototype is AnomalyDetector;

    /// <summary>A supervised anomaly detector (GaussianScorer): learns a target "y", answers the score of a target given x.</summary>
    public bool IsSupervisedAnomaly => Prototype is SupervisedAnomalyDetector;
}
