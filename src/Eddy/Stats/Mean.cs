using Eddy.Serialization;

namespace Eddy.Stats;

/// <summary>River: <c>stats.Mean</c>. The running mean, West (1979)'s update.</summary>
public sealed class Mean : Univariate
{
    private const byte StateVersion = 1;
    private double _mean;

    public override string Name => "mean";

    /// <summary>River's <c>n</c>: the number of values (each weighs 1).</summary>
    public double N { get; private set; }

    public override void Update(double x)
    {
        double n = N + 1.0;
        double mean = _mean + (1.0 * (x - _mean) / n);
        _mean = Checked(mean, nameof(Mean), "the mean");
        N = n;
    }

    public override double Get() => _mean;

    public override Univariate CloneFresh() => new Mean();

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Mean), StateVersion);
        writer.WriteDouble(N);
        writer.WriteDouble(_mean);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Mean), StateVersion);
        double n = reader.ReadDouble();
        double mean = reader.ReadDouble();
        StateReader.Require(n >= 0 && double.IsFinite(n) && double.IsFinite(mean), "A mean's state is invalid.");
        N = n;
        _mean = mean;
    }

    public override string ToString() => "Mean()";
}
