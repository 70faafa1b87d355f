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

    /// <summary>
    /// River's <c>learn_one(x, y)</c> on the chain, writing into <paramref name="output"/> what a final estimator would
    /// learn from: each step learns then transforms, and supervised steps (<see cref="SupervisedTransformer"/>)
    /// transform first and learn (x, <paramref name="y"/>) after. <see cref="Label.None"/> leaves them unlearned.
    /// </summary>
    public void LearnTransformOne(FeatureVector x, Label y, FeatureVector output)
    {
        ValidateInput(x);
        ArgumentNullException.ThrowIfNull(output);
        FeatureVector transformed = _steps.LearnAndTransform(x, y);
        bool interning = output.Interning;
        transformed.CopyTo(output);
        output.Interning = interning;
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
