using Eddy.Base;
using Eddy.Compose;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Optim;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class RegressorPipelineConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(RegressorPipeline);

    protected override Dataset Stream => ConformanceData.TrumpApproval;

    protected override Estimator Create() => new StandardScaler() | new LinearRegression(optimizer: new RMSProp());
}
