using Eddy.Base;
using Eddy.Linear;

namespace Eddy.Tests.Conformance;

public sealed class ALMAClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(ALMAClassifier);

    protected override Estimator Create() => new ALMAClassifier();
}
