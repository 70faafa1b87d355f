using Eddy.Serialization;

namespace Eddy.Stats;

/// <summary>River: <c>stats.Min</c>. The running minimum; no value (River's +∞) before the first update.</summary>
public sealed class Min : Univariate
{
    private const byte StateVersion = 1;
    private double _min = double.PositiveInfinity;

    public override string Name => "min";

    public override bool HasValue => _min != double.PositiveInfinity;

    public override void Update(double x)
    {
        if (x < _min)
        {
            _min = x;
        }
    }

    public override double Get() => _min;

    public override Univariate CloneFresh() => new Min();

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Min), StateVersion);
        writer.WriteDouble(_min);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Min), StateVersion);
        double min = reader.ReadDouble();
        StateReader.Require(double.IsFinite(min) || min == double.PositiveInfinity, "A minimum is not finite.");
        _min = min;
    }

    public override string ToString() => "Min()";
}
