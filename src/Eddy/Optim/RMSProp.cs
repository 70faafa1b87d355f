using System.Globalization;
using Eddy.Optim.Schedulers;

namespace Eddy.Optim;

/// <summary>
/// River: <c>optim.RMSProp</c>, the gradient divided by a running average of its recent magnitude.
/// Tieleman &amp; Hinton (2012), lecture 6.5.
/// </summary>
public sealed class RMSProp : SquaredGradientOptimizer
{
    /// <param name="learningRate">River's default is 0.1.</param>
    /// <param name="rho">Decay of the squared-gradient average (default 0.9).</param>
    /// <param name="eps">Added under the square root for stability (default 1e-8).</param>
    public RMSProp(Scheduler? learningRate = null, double rho = 0.9, double eps = 1e-8)
        : base(learningRate ?? new ConstantScheduler(0.1), eps)
    {
        Rho = Adam.RequireUnit(rho, nameof(rho));
    }

    public double Rho { get; }

    private protected override string StateName => nameof(RMSProp);

    public override Optimizer CloneFresh() => new RMSProp(Schedule, Rho, Eps);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"RMSProp(lr={Schedule}, rho={Rho}, eps={Eps})");

    private protected override double Accumulate(double previous, double g) => (Rho * previous) + ((1 - Rho) * Math.Pow(g, 2));
}
