using Eddy.Base;
using Eddy.Linear;

namespace Eddy.Tests.Conformance;

public sealed class PerceptronConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(Perceptron);

    protected override Estimator Create() => new Perceptron(l2: 0.001);
}
