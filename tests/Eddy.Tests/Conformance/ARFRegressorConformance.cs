using Eddy.Base;
using Eddy.Datasets;
using Eddy.Ensembles;

namespace Eddy.Tests.Conformance;

public sealed class ARFRegressorConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(ARFRegressor);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    protected override Estimator Create() => new ARFRegressor(nModels: 3, gracePeriod: 20, seed: 42);
}
