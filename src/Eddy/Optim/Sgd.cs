using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Optim;

/// <summary>River: <c>optim.SGD</c>, plain stochastic gradient descent: <c>w ← w − η·g</c>. Robbins &amp; Monro (1951).</summary>
public sealed class Sgd : Optimizer
{
    private const byte StateVersion = 1;

    /// <param name="learningRate">River's default is 0.01.</param>
    public Sgd(Scheduler? learningRate = null)
        : base(learningRate ?? new ConstantScheduler(0.01))
    {
    }

    public override void ComputeStep(ReadOnlySpan<double> weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, Span<double> newWeights)
    {
        double eta = LearningRate;
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            double w = (uint)j < (uint)weights.Length ? weights[j] : 0.0;
            newWeights[i] = w - (eta * gradients[i]);
        }
    }

    public override Optimizer CloneFresh() => new Sgd(Schedule);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Sgd), StateVersion);
        writer.WriteInt64(Iterations);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Sgd), StateVersion);
        long iterations = reader.ReadInt64();
        StateReader.Require(iterations >= 0, "Negative iteration count.");
        Iterations = iterations;
    }

    public override string ToString() => $"SGD(lr={Schedule})";
}
