using Eddy.Base;
using Eddy.Datasets;
using Eddy.Drift;
using Eddy.Trees;

namespace Eddy.Tests.Conformance;

public sealed class HoeffdingAdaptiveTreeRegressorConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(HoeffdingAdaptiveTreeRegressor);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    // Short grace period, loose confidence and a touchy detector: splits, drifts and alternates within the warm-up.
    protected override Estimator Create() =>
        new HoeffdingAdaptiveTreeRegressor(gracePeriod: 20, delta: 0.01, driftWindowThreshold: 20, driftDetector: new ADWIN(delta: 0.5), seed: 7);
}
