using Eddy.Base;
using Eddy.Trees;

namespace Eddy.Tests.Conformance;

public sealed class HoeffdingTreeClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(HoeffdingTreeClassifier);

    // A short grace period and a loose confidence so the tree splits within the warm-up.
    protected override Estimator Create() => new HoeffdingTreeClassifier(gracePeriod: 20, delta: 0.01);

    // A multi-class learner (River's _multiclass): any new class is a valid label, even on a binary stream.
    protected override IEnumerable<Label> WrongLabels(Estimator estimator) => [];
}
