using Eddy.Serialization;

namespace Eddy.Stats;

/// <summary>River: <c>stats.Sum</c>. The running sum.</summary>
public sealed class Sum : Univariate
{
    private const byte StateVersion = 1;
    private double _sum;

    public override string Name => "sum";

    public override void Update(double x) => _sum = Checked(_sum + x, nameof(Sum), "the sum");

    public override double Get() => _sum;

    public override Univariate CloneFresh() => new Sum();

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Sum), StateVersion);
        writer.WriteDouble(_sum);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Sum), StateVersion);
        double sum = reader.ReadDouble();
        StateReader.Require(double.IsFinite(sum), "A sum is not finite.");
        _sum = sum;
    }

    public override string ToString() => "Sum()";
}
