using Eddy.Anomaly;
using Eddy.Base;
using Eddy.Datasets;

namespace Eddy.Tests.Conformance;

public sealed class GaussianScorerConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(GaussianScorer);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    protected override Estimator Create() => new GaussianScorer(windowSize: 25, gracePeriod: 10);
}
