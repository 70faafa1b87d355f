using Eddy.Base;
using Eddy.Datasets;
using Eddy.NaiveBayes;

namespace Eddy.Tests.Conformance;

public sealed class GaussianNBConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(GaussianNB);

    protected override Dataset Stream => ConformanceData.ImageSegments;

    protected override Estimator Create() => new GaussianNB();
}
