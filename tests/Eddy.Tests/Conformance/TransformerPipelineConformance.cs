using Eddy.Base;
using Eddy.Compose;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class TransformerPipelineConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(TransformerPipeline);

    protected override Estimator Create() => new StandardScaler() | new StandardScaler(withStd: false);
}
