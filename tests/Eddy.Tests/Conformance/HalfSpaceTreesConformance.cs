using Eddy.Anomaly;
using Eddy.Base;

namespace Eddy.Tests.Conformance;

public sealed class HalfSpaceTreesConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(HalfSpaceTrees);

    protected override bool FeatureOrderInvariant => false;

    protected override Estimator Create() => new HalfSpaceTrees(nTrees: 3, height: 4, windowSize: 20, seed: 7);
}
