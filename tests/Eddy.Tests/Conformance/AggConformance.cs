using Eddy.Base;
using Eddy.Datasets;
using Eddy.FeatureExtraction;
using Eddy.Stats;

namespace Eddy.Tests.Conformance;

public sealed class AggConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(Agg);

    /// <summary>Numbers aggregated by a category (and a numeric key).</summary>
    protected override Dataset Stream => ConformanceData.SolarFlare;

    protected override Estimator Create() => new Agg("area", ["zurich-class", "activity"], new Var());
}
