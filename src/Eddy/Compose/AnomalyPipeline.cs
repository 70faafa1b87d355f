using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Compose;

/// <summary>
/// River's <c>compose.Pipeline</c> ending in an anomaly detector, with ≥ 0.19 semantics: <see cref="AnomalyDetector.LearnOne"/>
/// lets each step learn, then transforms with the updated state; <see cref="AnomalyDetector.ScoreOne"/> changes nothing.
/// Build it with River's operator: <c>new MinMaxScaler() | new HalfSpaceTrees(seed: 42)</c>.
/// </summary>
public sealed class AnomalyPipeline : AnomalyDetector
{
    private const byte StateVersion = 1;
    private readonly PipelineSteps _steps;

    public AnomalyPipeline(IEnumerable<Transformer> steps, AnomalyDetector final)
    {
        ArgumentNullException.ThrowIfNull(final);
        _steps = new PipelineSteps(steps);
        Final = final;
    }

    public IReadOnlyList<Transformer> Steps => _steps.Steps;

    public AnomalyDetector Final { get; }

    public override bool AcceptsCategorical => _steps.Count > 0 ? _steps.Steps[0].AcceptsCategorical : Final.AcceptsCategorical;

    public static AnomalyPipeline Chain(Transformer left, AnomalyDetector right) => new(PipelineSteps.Flatten(left), right);

    protected override void LearnCore(FeatureVector x)
    {
        _steps.ValidateChain(x, Final);
        FeatureVector transformed = _steps.LearnAndTransform(x);
        Final.LearnOne(transformed);
    }

    protected override double ScoreCore(FeatureVector x)
    {
        FeatureVector transformed = _steps.TransformForPrediction(x);
        try
        {
            return Final.ScoreOne(transformed);
        }
        finally
        {
            PipelineSteps.Release(x, transformed);
        }
    }

    public override Estimator CloneFresh() => new AnomalyPipeline(_steps.CloneFreshSteps(), (AnomalyDetector)Final.CloneFresh());

    public override void WriteState(StateWriter writer) => _steps.WritePipeline(writer, nameof(AnomalyPipeline), StateVersion, Final);

    public override void ReadState(StateReader reader) => _steps.ReadPipeline(reader, nameof(AnomalyPipeline), StateVersion, Final);

    public override string ToString() => _steps.Describe(Final.ToString());
}
