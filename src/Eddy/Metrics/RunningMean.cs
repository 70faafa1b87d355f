using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River's <c>stats.Mean</c> as used by <c>metrics.base.MeanMetric</c>: a weighted running mean that can be reverted.
/// Reverting below a total weight of zero is refused, as River refuses it, but before anything is written.
/// </summary>
internal sealed class RunningMean
{
    public double Weight { get; private set; }

    public double Mean { get; private set; }

    public void Update(double x, double w)
    {
        double n = Weight + w;
        double mean = Mean;
        if (n > 0)
        {
            mean += w * (x - mean) / n;
        }

        Weight = n;
        Mean = mean;
    }

    public void Revert(double x, double w, string metric)
    {
        double n = Weight - w;
        if (n < 0)
        {
            throw new InvalidOperationException(
                $"{metric}: cannot revert below a total weight of 0 (more was reverted than was updated).");
        }

        Mean = n == 0 ? 0.0 : Mean - (w * (x - Mean) / n);
        Weight = n;
    }

    public void Clear()
    {
        Weight = 0;
        Mean = 0;
    }

    public void Write(StateWriter writer)
    {
        writer.WriteDouble(Weight);
        writer.WriteDouble(Mean);
    }

    /// <summary>Reads (weight, mean) without assigning, so callers commit with their other fields.</summary>
    public static (double Weight, double Mean) Read(StateReader reader)
    {
        double weight = reader.ReadDouble();
        double mean = reader.ReadDouble();
        StateReader.Require(double.IsFinite(weight) && weight >= 0, "A running mean has an invalid total weight.");
        StateReader.Require(!double.IsNaN(mean), "A running mean is NaN.");
        return (weight, mean);
    }

    public void Set((double Weight, double Mean) state)
    {
        Weight = state.Weight;
        Mean = state.Mean;
    }
}
