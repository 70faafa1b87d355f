using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Optim;

namespace Eddy.Tests.Conformance;

public sealed class LinearRegressionConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(LinearRegression);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    protected override Estimator Create() => new LinearRegression(optimizer: new Adam());
}
