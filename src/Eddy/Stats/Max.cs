using Eddy.Serialization;

namespace Eddy.Stats;

/// <summary>River: <c>stats.Max</c>. The running maximum; no value (River's −∞) before the first update.</summary>
public sealed class Max : Univariate
{
    private const byte StateVersion = 1;
    private double _max = double.NegativeInfinity;

    public override string Name => "max";

    public override bool HasValue => _max != double.NegativeInfinity;

    public override void Update(double x)
    {
        if (x > _max)
        {
            _max = x;
        }
    }

    public override double Get() => _max;

    public override Univariate CloneFresh() => new Max();

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Max), StateVersion);
        writer.WriteDouble(_max);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Max), StateVersion);
        double max = reader.ReadDouble();
        StateReader.Require(double.IsFinite(max) || max == double.NegativeInfinity, "A maximum is not finite.");
        _max = max;
    }

    public override string ToString() => "Max()";
}
