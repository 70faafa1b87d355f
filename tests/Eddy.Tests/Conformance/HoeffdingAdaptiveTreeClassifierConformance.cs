using Eddy.Base;
using Eddy.Drift;
using Eddy.Trees;

namespace Eddy.Tests.Conformance;

public sealed class HoeffdingAdaptiveTreeClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(HoeffdingAdaptiveTreeClassifier);

    // Short grace period, loose confidence and a touchy detector: splits, drifts and alternates within the warm-up.
    protected override Estimator Create() =>
        new HoeffdingAdaptiveTreeClassifier(gracePeriod: 20, delta: 0.01, driftWindowThreshold: 20, driftDetector: new ADWIN(delta: 0.5), seed: 7);

    protected override IEnumerable<Label> WrongLabels(Estimator estimator) => [];
}
