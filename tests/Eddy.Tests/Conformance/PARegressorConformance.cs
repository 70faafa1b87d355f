using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;

namespace Eddy.Tests.Conformance;

public sealed class PARegressorConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(PARegressor);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    protected override Estimator Create() => new PARegressor();
}
