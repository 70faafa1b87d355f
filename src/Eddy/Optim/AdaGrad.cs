using System.Globalization;
using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Optim;

/// <summary>
/// River: <c>optim.AdaGrad</c>, a per-feature rate shrunk by the running sum of squared gradients.
/// Duchi, Hazan &amp; Singer (2011).
/// </summary>
public sealed class AdaGrad : Optimizer
{
    private const byte StateVersion = 1;

    private double[] _g2 = [];

    /// <param name="learningRate">River's default is 0.1.</param>
    /// <param name="eps">Added under the square root for stability (default 1e-8).</param>
    public AdaGrad(Scheduler? learningRate = null, double eps = 1e-8)
        : base(learningRate ?? new ConstantScheduler(0.1))
    {
        Eps = Adam.RequirePositive(eps, nameof(eps));
    }

    public double Eps { get; }

    public override void ComputeStep(ReadOnlySpan<double> weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, Span<double> newWeights)
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

    public override void CommitStep(double[] weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, ReadOnlySpan<double> newWeights)
    {
        EnsureCapacity(ref _g2, weights.Length);
        for (int i = 0; i < indices.Length; i++)
        {
            _g2[indices[i]] = NextG2(indices[i], gradients[i]);
        }

        base.CommitStep(weights, indices, gradients, newWeights);
    }

    public override Optimizer CloneFresh() => new AdaGrad(Schedule, Eps);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(AdaGrad), StateVersion);
        writer.WriteInt64(Iterations);
        writer.WriteDoubles(_g2);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(AdaGrad), StateVersion);
        long iterations = reader.ReadInt64();
        double[] g2 = reader.ReadDoubles();
        StateReader.Require(iterations >= 0, "Negative iteration count.");
        Iterations = iterations;
        _g2 = g2;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"AdaGrad(lr={Schedule}, eps={Eps})");

    private double NextG2(int j, double g) => ((uint)j < (uint)_g2.Length ? _g2[j] : 0.0) + Math.Pow(g, 2);
}
