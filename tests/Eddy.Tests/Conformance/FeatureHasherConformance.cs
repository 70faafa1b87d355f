using Eddy.Base;
using Eddy.Datasets;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class FeatureHasherConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(FeatureHasher);

    protected override Dataset Stream => ConformanceData.SolarFlare;

    protected override Estimator Create() => new FeatureHasher(nFeatures: 64, seed: 42);
}
