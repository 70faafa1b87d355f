using Eddy.Serialization;

namespace Eddy.Stats;

/// <summary>River: <c>stats.Count</c>. The number of values seen.</summary>
public sealed class Count : Univariate
{
    private const byte StateVersion = 1;
    private long _n;

    public override string Name => "count";

    public override void Update(double x) => _n++;

    public override double Get() => _n;

    public override Univariate CloneFresh() => new Count();

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Count), StateVersion);
        writer.WriteInt64(_n);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Count), StateVersion);
        long n = reader.ReadInt64();
        StateReader.Require(n >= 0, "A count is negative.");
        _n = n;
    }

    public override string ToString() => "Count()";
}
