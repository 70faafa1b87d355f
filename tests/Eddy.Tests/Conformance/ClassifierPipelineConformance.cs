using Eddy.Base;
using Eddy.Compose;
using Eddy.Linear;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class ClassifierPipelineConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(ClassifierPipeline);

    protected override Estimator Create() => new StandardScaler() | new LogisticRegression();
}
