using Eddy.Anomaly;
using Eddy.Base;

namespace Eddy.Tests.Conformance;

public sealed class OneClassSVMConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(OneClassSVM);

    protected override Estimator Create() => new OneClassSVM(nu: 0.2);
}
