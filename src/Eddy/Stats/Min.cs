namespace Eddy.Stats;

/// <summary>River: <c>stats.Min</c>. The running minimum; no value (River's +∞) before the first update.</summary>
public sealed class Min : Extremum
{
    public Min()
        : base(maximum: false, nameof(Min))
    {
    }

    public override string Name => "min";

    public override Univariate CloneFresh() => new Min();
}
