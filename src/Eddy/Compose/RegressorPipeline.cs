using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Compose;

/// <summary>
/// River's <c>compose.Pipeline</c> ending in a regressor, with ≥ 0.19 semantics: <see cref="LearnOne"/> lets each step
/// learn, then transforms with the updated state; predictions change nothing. Build it with River's operator: <c>new StandardScaler() | new LinearRegression()</c>.
/// </summary>
public sealed class RegressorPipeline : Regressor
{
    private const byte StateVersion = 1;
    private readonly PipelineSteps _steps;

    public RegressorPipeline(IEnumerable<Transformer> steps, Regressor final)
    {
        ArgumentNullException.ThrowIfNull(final);
        _steps = new PipelineSteps(steps);
        Final = final;
    }

    public IReadOnlyList<Transformer> Steps => _steps.Steps;

    public Regressor Final { get; }

    public override bool AcceptsCategorical => _steps.Count > 0 ? _steps.Steps[0].AcceptsCategorical : Final.AcceptsCategorical;

    public static RegressorPipeline Chain(Transformer left, Regressor right) => new(PipelineSteps.Flatten(left), right);

    public override void LearnOne(FeatureVector x, double y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateTarget(y);
        _steps.ValidateChain(x, Final);
        FeatureVector transformed = _steps.LearnAndTransform(x, Label.FromNumber(y));
        Final.LearnOne(transformed, y, w);
    }

    public override double PredictOne(FeatureVector x)
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

    public override Estimator CloneFresh() => new RegressorPipeline(_steps.CloneFreshSteps(), (Regressor)Final.CloneFresh());

    public override void WriteState(StateWriter writer) => _steps.WritePipeline(writer, nameof(RegressorPipeline), StateVersion, Final);

    public override void ReadState(StateReader reader) => _steps.ReadPipeline(reader, nameof(RegressorPipeline), StateVersion, Final);

    public override string ToString() => _steps.Describe(Final.ToString());
}
