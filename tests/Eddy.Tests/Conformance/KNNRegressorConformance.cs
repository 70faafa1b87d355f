using Eddy.Base;
using Eddy.Datasets;
using Eddy.Neighbors;

namespace Eddy.Tests.Conformance;

public sealed class KNNRegressorConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(KNNRegressor);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    protected override Estimator Create() => new KNNRegressor(windowSize: 40, aggregationMethod: KNNAggregation.WeightedMean);
}
