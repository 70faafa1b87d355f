using Eddy.Base;
using Eddy.Ensembles;
using Eddy.Linear;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class LeveragingBaggingClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(LeveragingBaggingClassifier);

    protected override Estimator Create() => new LeveragingBaggingClassifier(new StandardScaler() | new LogisticRegression(), nModels: 3, seed: 42);
}
