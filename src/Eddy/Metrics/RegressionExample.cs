using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>A regression update kept by a rolling window.</summary>
internal readonly struct RegressionExample : IWindowExample<RegressionExample, RegressionMetric>
{
    public RegressionExample(double truth, double prediction, double weight)
    {
        Truth = truth;
        Prediction = prediction;
        Weight = weight;
    }

    public double Truth { get; }

    public double Prediction { get; }

    public double Weight { get; }

    public static RegressionExample Read(StateReader reader)
    {
        double truth = reader.ReadDouble();
        double prediction = reader.ReadDouble();
        double weight = reader.ReadDouble();
        StateReader.Require(double.IsFinite(weight), "A windowed example has a non-finite weight.");
        return new RegressionExample(truth, prediction, weight);
    }

    public void RevertFrom(RegressionMetric metric) => metric.Revert(Truth, Prediction, Weight);

    public void Write(StateWriter writer)
    {
        writer.WriteDouble(Truth);
        writer.WriteDouble(Prediction);
        writer.WriteDouble(Weight);
    }
}
