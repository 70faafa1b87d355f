using Eddy.Base;
using Eddy.Ensembles;
using Eddy.Linear;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class BaggingClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(BaggingClassifier);

    protected override Estimator Create() => new BaggingClassifier(new StandardScaler() | new LogisticRegression(), nModels: 3, seed: 42);
}
