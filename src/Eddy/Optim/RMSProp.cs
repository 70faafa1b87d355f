using System.Globalization;
using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Optim;

/// <summary>
/// River: <c>optim.RMSProp</c>, the gradient divided by a running average of its recent magnitude.
/// Tieleman &amp; Hinton (2012), lecture 6.5.
/// </summary>
public sealed class RMSProp : Optimizer
{
    private const byte StateVersion = 1;

    private double[] _g2 = [];

    /// <param name="learningRate">River's default is 0.1.</param>
    /// <param name="rho">Decay of the squared-gradient average (default 0.9).</param>
    /// <param name="eps">Added under the square root for stability (default 1e-8).</param>
    public RMSProp(Scheduler? learningRate = null, double rho = 0.9, double eps = 1e-8)
        : base(learningRate ?? new ConstantScheduler(0.1))
    {
        Rho = Adam.RequireUnit(rho, nameof(rho));
        Eps = Adam.RequirePositive(eps, nameof(eps));
    }

    public double Rho { get; }

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

    public override Optimizer CloneFresh() => new RMSProp(Schedule, Rho, Eps);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(RMSProp), StateVersion);
        writer.WriteInt64(Iterations);
        writer.WriteDoubles(_g2);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(RMSProp), StateVersion);
        long iterations = reader.ReadInt64();
        double[] g2 = reader.ReadDoubles();
        StateReader.Require(iterations >= 0, "Negative iteration count.");
        Iterations = iterations;
        _g2 = g2;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"RMSProp(lr={Schedule}, rho={Rho}, eps={Eps})");

    private double NextG2(int j, double g) => (Rho * ((uint)j < (uint)_g2.Length ? _g2[j] : 0.0)) + ((1 - Rho) * Math.Pow(g, 2));
}
