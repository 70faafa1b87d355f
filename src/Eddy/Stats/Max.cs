namespace Eddy.Stats;

/// <summary>River: <c>stats.Max</c>. The running maximum; no value (River's −∞) before the first update.</summary>
public sealed class Max : Extremum
{
    public Max()
        : base(maximum: true, nameof(Max))
    {
    }

    public override string Name => "max";

    public override Univariate CloneFresh() => new Max();
}
