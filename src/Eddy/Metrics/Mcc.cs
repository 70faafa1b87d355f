using Eddy.Base;

namespace Eddy.Metrics;

/// <summary>River: <c>metrics.MCC</c>. Matthews correlation coefficient of the binary confusion matrix (Matthews, 1975).</summary>
public sealed class Mcc : BinaryMetric
{
    public Mcc()
        : this(Label.True)
    {
    }

    public Mcc(Label posVal)
        : base(posVal)
    {
    }

    public override string Name => "MCC";

    public override bool IsPercentage => false;

    public override double Value
    {
        get
        {
            BinaryConfusion counts = Counts;
            double tp = counts.TruePositives;
            double tn = counts.TrueNegatives;
            double fp = counts.FalsePositives;
            double fn = counts.FalseNegatives;

            // Python's `(tp + tn + fp + fn) or 1`.
            double n = tp + tn + fp + fn;
            if (n == 0)
            {
                n = 1;
            }

            double s = (tp + fn) / n;
            double p = (tp + fp) / n;
            double denominator = Math.Sqrt(p * s * (1 - s) * (1 - p));
            return MultiClassMetric.TryDivide((tp / n) - (s * p), denominator, out double mcc) ? mcc : 0.0;
        }
    }

    public override Metric CloneFresh() => new Mcc(PosVal);
}
