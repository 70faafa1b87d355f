using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.base.MeanMetric</c> for classification: the weighted running mean of a per-example loss. Reverting
/// more weight than was added throws <see cref="InvalidOperationException"/> and changes nothing.
/// </summary>
public abstract class MeanClassificationMetric : ClassificationMetric
{
    private const byte StateVersion = 1;

    private readonly RunningMean _mean = new();

    public override double Value => _mean.Mean;

    public override bool BiggerIsBetter => false;

    public override void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0)
    {
        BinaryMetric.CheckWeight(w);
        _mean.Update(Eval(yTrue, yPred), w);
    }

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0)
    {
        BinaryMetric.CheckWeight(w);
        _mean.Revert(Eval(yTrue, yPred), w, Name);
    }

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(Name, StateVersion);
        _mean.Write(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(Name, StateVersion);
        _mean.Set(RunningMean.Read(reader));
    }

    /// <summary>The per-example loss River's <c>_eval</c> computes.</summary>
    protected abstract double Eval(Label yTrue, ClassificationPrediction yPred);
}
