using Eddy.Base;
using Eddy.Datasets;
using Eddy.Trees;

namespace Eddy.Tests.Conformance;

public sealed class HoeffdingTreeRegressorConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(HoeffdingTreeRegressor);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    protected override Estimator Create() => new HoeffdingTreeRegressor(gracePeriod: 20, delta: 0.01);
}
