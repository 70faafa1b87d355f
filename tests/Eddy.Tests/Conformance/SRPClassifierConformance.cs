using Eddy.Base;
using Eddy.Ensembles;

namespace Eddy.Tests.Conformance;

public sealed class SRPClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(SRPClassifier);

    // River draws the subspaces from the first example's features in dict order, so another order means other subspaces.
    protected override bool FeatureOrderInvariant => false;

    protected override Estimator Create() => new SRPClassifier(nModels: 3, seed: 42);

    // The default Hoeffding tree is a multi-class learner (River's _multiclass): any new class is a valid label.
    protected override IEnumerable<Label> WrongLabels(Estimator estimator) => [];
}
