using Eddy.Base;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class MinMaxScalerConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(MinMaxScaler);

    protected override Estimator Create() => new MinMaxScaler();
}
