using Eddy.Base;
using Eddy.Linear;

namespace Eddy.Tests.Conformance;

public sealed class PAClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(PAClassifier);

    protected override Estimator Create() => new PAClassifier(mode: 2);
}
