using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Optim;

/// <summary>
/// Optimizers that scale each weight's step by a per-feature accumulator of squared gradients (<see cref="AdaGrad"/>
/// sums them, <see cref="RMSProp"/> averages them): <c>w ← w − η / √(g² + ε) · g</c>. Only how the accumulator
/// moves differs, so the step, its two-phase commit and the saved state live here once.
/// </summary>
public abstract class SquaredGradientOptimizer : Optimizer
{
    private const byte StateVersion = 1;

    private double[] _g2 = [];

    private protected SquaredGradientOptimizer(Scheduler learningRate, double eps)
        : base(learningRate)
    {
        Eps = Adam.RequirePositive(eps, nameof(eps));
    }

    public double Eps { get; }

    public sealed override void ComputeStep(ReadOnlySpan<double> weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, Span<double> newWeights)
    {
        double lr = LearningRate;
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            double g2 = NextG2(j, gradients[i]);
            double w = (uint)j < (uint)weights.Length ? weights[j] : 0.0;
            newWeights[i] = double.IsFinite(g2) ? w - (lr / Math.Pow(g2 + Eps, 0.5) * gradients[i]) : double.NaN;
        }
    }

    public sealed override void CommitStep(double[] weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, ReadOnlySpan<double> newWeights)
    {
        EnsureCapacity(ref _g2, weights.Length);
        for (int i = 0; i < indices.Length; i++)
        {
            _g2[indices[i]] = NextG2(indices[i], gradients[i]);
        }

        base.CommitStep(weights, indices, gradients, newWeights);
    }

    public sealed override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(StateName, StateVersion);
        writer.WriteInt64(Iterations);
        writer.WriteDoubles(_g2);
    }

    public sealed override void ReadState(StateReader reader)
    {
        reader.ReadHeader(StateName, StateVersion);
        long iterations = reader.ReadInt64();
        double[] g2 = reader.ReadDoubles();
        StateReader.Require(iterations >= 0, "Negative iteration count.");
        Iterations = iterations;
        _g2 = g2;
    }

    /// <summary>The state section's name (the concrete type's), part of the saved format.</summary>
    private protected abstract string StateName { get; }

    /// <summary>The accumulator after gradient <paramref name="g"/>, given its previous value.</summary>
    private protected abstract double Accumulate(double previous, double g);

    private double NextG2(int j, double g) => Accumulate((uint)j < (uint)_g2.Length ? _g2[j] : 0.0, g);
}
