using Eddy.Base;
using Eddy.Compose;

namespace Eddy.Tests.Conformance;

public sealed class DiscardConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(Discard);

    protected override Estimator Create() => new Discard("https", "is_popular");
}
