using Eddy.Base;
using Eddy.Datasets;
using Eddy.Neighbors;

namespace Eddy.Tests.Conformance;

public sealed class KNNClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(KNNClassifier);

    protected override Dataset Stream => ConformanceData.ImageSegments;

    protected override Estimator Create() => new KNNClassifier(windowSize: 40, cleanupEvery: 7);
}
