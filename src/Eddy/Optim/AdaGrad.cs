using System.Globalization;
using Eddy.Optim.Schedulers;

namespace Eddy.Optim;

/// <summary>
/// River: <c>optim.AdaGrad</c>, a per-feature rate shrunk by the running sum of squared gradients.
/// Duchi, Hazan &amp; Singer (2011).
/// </summary>
public sealed class AdaGrad : SquaredGradientOptimizer
{
    /// <param name="learningRate">River's default is 0.1.</param>
    /// <param name="eps">Added under the square root for stability (default 1e-8).</param>
    public AdaGrad(Scheduler? learningRate = null, double eps = 1e-8)
        : base(learningRate ?? new ConstantScheduler(0.1), eps)
    {
    }

    private protected override string StateName => nameof(AdaGrad);

    public override Optimizer CloneFresh() => new AdaGrad(Schedule, Eps);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"AdaGrad(lr={Schedule}, eps={Eps})");

    private protected override double Accumulate(double previous, double g) => previous + Math.Pow(g, 2);
}
