using Eddy.Base;
using Eddy.Trees;

namespace Eddy.Tests.Conformance;

public sealed class ExtremelyFastDecisionTreeClassifierConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(ExtremelyFastDecisionTreeClassifier);

    // Short grace and re-evaluation periods and a loose confidence: the warm-up grows branches that re-evaluate.
    protected override Estimator Create() => new ExtremelyFastDecisionTreeClassifier(gracePeriod: 20, minSamplesReevaluate: 10, delta: 0.01);

    // A multi-class learner (River's _multiclass): any new class is a valid label, even on a binary stream.
    protected override IEnumerable<Label> WrongLabels(Estimator estimator) => [];
}
