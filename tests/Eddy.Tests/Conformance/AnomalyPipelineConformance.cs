using Eddy.Anomaly;
using Eddy.Base;
using Eddy.Compose;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class AnomalyPipelineConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(AnomalyPipeline);

    protected override bool FeatureOrderInvariant => false;

    protected override Estimator Create() => new MinMaxScaler() | new HalfSpaceTrees(nTrees: 3, height: 4, windowSize: 20, seed: 7);
}
