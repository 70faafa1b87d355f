using Eddy.Base;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class StandardScalerConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(StandardScaler);

    protected override Estimator Create() => new StandardScaler();
}
