using Eddy.Base;
using Eddy.Datasets;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class OneHotEncoderConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(OneHotEncoder);

    protected override Dataset Stream => ConformanceData.SolarFlare;

    protected override Estimator Create() => new OneHotEncoder();
}
