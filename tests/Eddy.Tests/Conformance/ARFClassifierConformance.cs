using Eddy.Base;
using Eddy.Ensembles;

namespace Eddy.Tests.Conformance;

public sealed class ARFClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(ARFClassifier);

    protected override Estimator Create() => new ARFClassifier(nModels: 3, gracePeriod: 20, seed: 42);

    // A multi-class learner (River's _multiclass): any new class is a valid label.
    protected override IEnumerable<Label> WrongLabels(Estimator estimator) => [];
}
