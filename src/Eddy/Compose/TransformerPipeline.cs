using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Compose;

/// <summary>A chain of transformers, itself a transformer (River's pipeline without a final estimator).</summary>
public sealed class TransformerPipeline : Transformer
{
    private const byte StateVersion = 1;
    private readonly PipelineSteps _steps;

    public TransformerPipeline(IEnumerable<Transformer> steps)
    {
        _steps = new PipelineSteps(steps);
        if (_steps.Count == 0)
        {
            throw new ArgumentException("A transformer pipeline needs at least one step.", nameof(steps));
        }
    }

    public IReadOnlyList<Transformer> Steps => _steps.Steps;

    public override bool AcceptsCategorical => _steps.Steps[0].AcceptsCategorical;

    public static TransformerPipeline Chain(Transformer left, Transformer right) =>
        new([.. PipelineSteps.Flatten(left), .. PipelineSteps.Flatten(right)]);

    /// <summary>Each step learns, then transforms for the next: River's ≥ 0.19 order.</summary>
    protected override void LearnCore(FeatureVector x)
    {
        ValidateInput(x);
        _steps.LearnAndTransform(x);
    }

    protected override void TransformCore(FeatureVector x, FeatureVector output)
    {
        ArgumentNullException.ThrowIfNull(output);
        FeatureVector transformed = _steps.TransformForPrediction(x);
        try
        {
            bool interning = output.Interning;
            transformed.CopyTo(output);
            output.Interning = interning;
        }
        finally
        {
            PipelineSteps.Release(x, transformed);
        }
    }

    public override Estimator CloneFresh() => new TransformerPipeline(_steps.CloneFreshSteps());

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(TransformerPipeline), StateVersion);
        writer.WriteInt32(_steps.Count);
        _steps.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(TransformerPipeline), StateVersion);
        StateReader.Require(reader.ReadInt32() == _steps.Count, "The saved pipeline has a different number of steps.");
        _steps.Commit(_steps.ReadCopies(reader));
    }

    public override string ToString() => string.Join(" | ", Steps);
}
