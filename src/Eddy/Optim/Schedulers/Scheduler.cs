namespace Eddy.Optim.Schedulers;

/// <summary>River's <c>optim.schedulers.Scheduler</c>: the learning rate at step <c>t</c>. Stateless, so not saved.</summary>
public abstract class Scheduler
{
    /// <summary>Learning rate at iteration <paramref name="t"/> (0 before the first step).</summary>
    public abstract double Get(long t);

    public abstract override string ToString();

    public static implicit operator Scheduler(double learningRate) => new ConstantScheduler(learningRate);

    /// <summary>Shared guard for constructor arguments.</summary>
    protected static double RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number.");
        }

        return value;
    }

}
