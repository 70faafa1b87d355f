using System.Globalization;

namespace Eddy.Optim.Schedulers;

/// <summary>River: <c>optim.schedulers.Constant</c>. Always the same learning rate.</summary>
public sealed class ConstantScheduler : Scheduler
{
    public ConstantScheduler(double learningRate)
    {
        LearningRate = RequireFinite(learningRate, nameof(learningRate));
    }

    public double LearningRate { get; }

    public override double Get(long t) => LearningRate;

    public override string ToString() => $"Constant({LearningRate.ToString("R", CultureInfo.InvariantCulture)})";
}
