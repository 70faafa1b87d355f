using Eddy.Base;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class MaxAbsScalerConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(MaxAbsScaler);

    protected override Estimator Create() => new MaxAbsScaler();
}
