using Eddy.Base;

namespace Eddy.Metrics;

/// <summary>River: <c>metrics.Precision</c>. Binary precision tp / (tp + fp), 0 when nothing was predicted positive.</summary>
public sealed class Precision : BinaryMetric
{
    public Precision()
        : this(Label.True)
    {
    }

    public Precision(Label posVal)
        : base(posVal)
    {
    }

    public override string Name => "Precision";

    public override double Value => Compute(Counts);

    public override Metric CloneFresh() => new Precision(PosVal);

    internal static double Compute(BinaryConfusion counts)
    {
        double tp = counts.TruePositives;
        double fp = counts.FalsePositives;
        return MultiClassMetric.TryDivide(tp, tp + fp, out double p) ? p : 0.0;
    }
}
