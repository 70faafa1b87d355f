using Eddy.Base;

namespace Eddy.Metrics;

/// <summary>River: <c>metrics.Recall</c>. Binary recall tp / (tp + fn), 0 when no positive was seen.</summary>
public sealed class Recall : BinaryMetric
{
    public Recall()
        : this(Label.True)
    {
    }

    public Recall(Label posVal)
        : base(posVal)
    {
    }

    public override string Name => "Recall";

    public override double Value => Compute(Counts);

    public override Metric CloneFresh() => new Recall(PosVal);

    internal static double Compute(BinaryConfusion counts)
    {
        double tp = counts.TruePositives;
        double fn = counts.FalseNegatives;
        return MultiClassMetric.TryDivide(tp, tp + fn, out double r) ? r : 0.0;
    }
}
