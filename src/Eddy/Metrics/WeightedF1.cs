namespace Eddy.Metrics;

/// <summary>River: <c>metrics.WeightedF1</c> (<c>WeightedFBeta(beta=1)</c>). F1 per class, averaged with the class supports as weights.</summary>
public sealed class WeightedF1 : MultiClassMetric
{
    public override string Name => "WeightedF1";

    public override double Value
    {
        get
        {
            ConfusionMatrix cm = Matrix;
            const double B2 = 1.0;
            double total = 0;
            for (int c = 0; c < cm.ClassCount; c++)
            {
                if (!cm.IsPresent(c))
                {
                    continue;
                }

                // River scales both by the support, so each term is support × F1.
                double support = cm.RowSum(c);
                double tp = cm.Cell(c, c);
                TryDivide(support * tp, cm.ColSum(c), out double p);
                TryDivide(support * tp, support, out double r);
                if (TryDivide((1 + B2) * p * r, (B2 * p) + r, out double f))
                {
                    total += f;
                }
            }

            return TryDivide(total, cm.TotalWeight, out double score) ? score : 0.0;
        }
    }

    public override Metric CloneFresh() => new WeightedF1();
}
