using Eddy.Base;
using Eddy.Ensembles;
using Eddy.Linear;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class ADWINBaggingClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(ADWINBaggingClassifier);

    protected override Estimator Create() => new ADWINBaggingClassifier(new StandardScaler() | new LogisticRegression(), nModels: 3, seed: 42);
}
