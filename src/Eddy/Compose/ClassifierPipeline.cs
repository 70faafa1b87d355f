using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Compose;

/// <summary>
/// River's <c>compose.Pipeline</c> ending in a classifier, with ≥ 0.19 semantics: <see cref="LearnOne"/> lets each step
/// learn, then transforms with the updated state; predictions change nothing. Build it with River's operator: <c>new StandardScaler() | new LogisticRegression()</c>.
/// </summary>
public sealed class ClassifierPipeline : Classifier
{
    private const byte StateVersion = 1;
    private readonly PipelineSteps _steps;

    public ClassifierPipeline(IEnumerable<Transformer> steps, Classifier final)
    {
        ArgumentNullException.ThrowIfNull(final);
        _steps = new PipelineSteps(steps);
        Final = final;
    }

    public IReadOnlyList<Transformer> Steps => _steps.Steps;

    public Classifier Final { get; }

    public override bool AcceptsCategorical => _steps.Count > 0 ? _steps.Steps[0].AcceptsCategorical : Final.AcceptsCategorical;

    public static ClassifierPipeline Chain(Transformer left, Classifier right) => new(PipelineSteps.Flatten(left), right);

    public override void ValidateLabel(Label y) => Final.ValidateLabel(y);

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        Final.ValidateLabel(y);
        _steps.ValidateChain(x, Final);
        FeatureVector transformed = _steps.LearnAndTransform(x, y);
        Final.LearnOne(transformed, y, w);
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ValidateInput(x);
        FeatureVector transformed = _steps.TransformForPrediction(x);
        try
        {
            return Final.PredictProbaOne(transformed, output);
        }
        finally
        {
            PipelineSteps.Release(x, transformed);
        }
    }

    public override bool PredictsFromProbabilities => Final.PredictsFromProbabilities;

    public override Label PredictOne(FeatureVector x)
    {
        ValidateInput(x);
        FeatureVector transformed = _steps.TransformForPrediction(x);
        try
        {
            return Final.PredictOne(transformed);
        }
        finally
        {
            PipelineSteps.Release(x, transformed);
        }
    }

    public override Estimator CloneFresh() => new ClassifierPipeline(_steps.CloneFreshSteps(), (Classifier)Final.CloneFresh());

    public override void WriteState(StateWriter writer) => _steps.WritePipeline(writer, nameof(ClassifierPipeline), StateVersion, Final);

    public override void ReadState(StateReader reader) => _steps.ReadPipeline(reader, nameof(ClassifierPipeline), StateVersion, Final);

    public override string ToString() => _steps.Describe(Final.ToString());
}
