using System.Globalization;
using Eddy.Optim.Losses;

namespace Eddy.Optim.Schedulers;

/// <summary>
/// River: <c>optim.schedulers.Optimal</c>, <c>1 / (α (t₀ + t))</c> with <c>t₀</c> set from the loss's gradient at a
/// typical weight. Bottou (2012), "Stochastic gradient descent tricks".
/// </summary>
public sealed class OptimalScheduler : Scheduler
{
    public OptimalScheduler(BinaryLoss loss, double alpha = 1e-4)
        : this(alpha, loss?.ToString(), typw => loss!.Gradient(1.0, -typw))
    {
    }

    public OptimalScheduler(RegressionLoss loss, double alpha = 1e-4)
        : this(alpha, loss?.ToString(), typw => loss!.Gradient(1.0, -typw))
    {
    }

    private OptimalScheduler(double alpha, string? loss, Func<double, double> gradientAtTypicalWeight)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (!double.IsFinite(alpha) || alpha <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Must be finite and positive.");
        }

        Alpha = alpha;
        Loss = loss;

        // River evaluates the gradient at y = True (1) and a typical weight −typw.
        double typw = Math.Sqrt(1.0 / Math.Sqrt(alpha));
        double initialEta0 = typw / Math.Max(1.0, gradientAtTypicalWeight(typw));
        T0 = 1.0 / (initialEta0 * alpha);
    }

    public double Alpha { get; }

    /// <summary>River's <c>t0</c>, fixed at construction.</summary>
    public double T0 { get; }

    private string Loss { get; }

    public override double Get(long t) => 1.0 / (Alpha * (T0 + t));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Optimal(loss={Loss}, alpha={Alpha:R})");
}
