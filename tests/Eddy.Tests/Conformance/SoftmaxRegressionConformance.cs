using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Optim;

namespace Eddy.Tests.Conformance;

public sealed class SoftmaxRegressionConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(SoftmaxRegression);

    protected override Dataset Stream => ConformanceData.ImageSegments;

    protected override Estimator Create() => new SoftmaxRegression(optimizer: new AdaGrad());
}
