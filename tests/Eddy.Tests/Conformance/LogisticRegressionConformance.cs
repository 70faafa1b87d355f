using Eddy.Base;
using Eddy.Linear;

namespace Eddy.Tests.Conformance;

public sealed class LogisticRegressionConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(LogisticRegression);

    protected override Estimator Create() => new LogisticRegression();
}
