using Eddy.Datasets;
using Eddy.Datasets.Synth;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Tests.Support;
using Eddy.Trees;

namespace Eddy.Tests.Trees;

public sealed class ExtremelyFastDecisionTreeClassifierTests
{
    [Fact]
    public void Docstring_Agrawal_MatchesRiver()
    {
        // River's docstring: Agrawal(classification_function=0, seed=42).take(1000), progressive validation.
        Dataset data = new Agrawal(classificationFunction: 0, seed: 42).Take(1000);
        var model = new ExtremelyFastDecisionTreeClassifier(
            gracePeriod: 100, delta: 1e-5, nominalAttributes: ["elevel", "car", "zipcode"], minSamplesReevaluate: 100);
        Checkpoint result = ProgressiveValidation.Score(model, data, [new Accuracy()]);
        Harness.AssertPercent(87.29, result.Values[0], "Accuracy");
    }
}
