using Eddy.Base;
using Eddy.Ensembles;
using Eddy.Linear;
using Eddy.Preprocessing;

namespace Eddy.Tests.Conformance;

public sealed class AdaBoostClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(AdaBoostClassifier);

    protected override Estimator Create() => new AdaBoostClassifier(new StandardScaler() | new LogisticRegression(), nModels: 3, seed: 42);
}
