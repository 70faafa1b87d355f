using Eddy.Base;
using Eddy.Datasets;
using Eddy.Ensembles;
using Eddy.Linear;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class BaggingRegressorConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(BaggingRegressor);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    protected override Estimator Create() => new BaggingRegressor(new StandardScaler() | new LinearRegression(), nModels: 3, seed: 42);
}
