using Eddy.Base;
using Eddy.Datasets;
using Eddy.Ensembles;

namespace Eddy.Tests.Conformance;

public sealed class SRPRegressorConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(SRPRegressor);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    // River draws the subspaces from the first example's features in dict order, so another order means other subspaces.
    protected override bool FeatureOrderInvariant => false;

    protected override Estimator Create() => new SRPRegressor(nModels: 3, seed: 42);
}
