using System.Globalization;

namespace Eddy.Optim.Schedulers;

/// <summary>River: <c>optim.schedulers.InverseScaling</c>, a power decay: <c>η / (t + 1)^p</c>.</summary>
public sealed class InverseScalingScheduler : Scheduler
{
    public InverseScalingScheduler(double learningRate, double power = 0.5)
    {
        LearningRate = RequireFinite(learningRate, nameof(learningRate));
        Power = RequireFinite(power, nameof(power));
    }

    public double LearningRate { get; }

    public double Power { get; }

    public override double Get(long t) => LearningRate / Math.Pow(t + 1, Power);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"InverseScaling(learning_rate={LearningRate:R}, power={Power:R})");
}
