using Eddy.Base;
using Eddy.Linear;
using Eddy.Serialization;

namespace Eddy.Server.Tests.Support;

/// <summary>
/// A classifier with a bug: when an example has the feature <c>boom</c>, it learns half of it (its inner regression
/// moves) and then throws. The server must answer 500 and put the model back as it was.
/// </summary>
internal sealed class FaultyClassifier : Classifier
{
    private readonly LogisticRegression _inner = new();

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        _inner.LearnOne(x, y, w);
        if (x.Schema.TryGetIndex("boom", out int boom) && x.PositionOf(boom) >= 0)
        {
            throw new InvalidOperationException("Bug: half-learned.");
        }
    }

    public override void ValidateLabel(Label y) => _inner.ValidateLabel(y);

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output) => _inner.PredictProbaOne(x, output);

    public override Estimator CloneFresh() => new FaultyClassifier();

    public override void WriteState(StateWriter writer) => _inner.WriteState(writer);

    public override void ReadState(StateReader reader) => _inner.ReadState(reader);

    public override string ToString() => "Faulty()";
}
