using Eddy.Base;
using Eddy.Compose;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class TransformerUnionConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(TransformerUnion);

    protected override Estimator Create() => new StandardScaler() + (new StandardScaler(withStd: false) | new StandardScaler());
}
