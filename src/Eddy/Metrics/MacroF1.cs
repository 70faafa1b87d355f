namespace Eddy.Metrics;

/// <summary>River: <c>metrics.MacroF1</c> (<c>MacroFBeta(beta=1)</c>). F1 per class present, averaged without weights.</summary>
public sealed class MacroF1 : MultiClassMetric
{
    public override string Name => "MacroF1";

    public override double Value
    {
        get
        {
            ConfusionMatrix cm = Matrix;
            const double B2 = 1.0;
            double total = 0;
            int classes = 0;
            for (int c = 0; c < cm.ClassCount; c++)
            {
                if (!cm.IsPresent(c))
                {
                    continue;
                }

                classes++;
                double tp = cm.Cell(c, c);
                TryDivide(tp, cm.ColSum(c), out double p);
                TryDivide(tp, cm.RowSum(c), out double r);
                if (TryDivide((1 + B2) * p * r, (B2 * p) + r, out double f))
                {
                    total += f;
                }
            }

            return TryDivide(total, classes, out double score) ? score : 0.0;
        }
    }

    public override Metric CloneFresh() => new MacroF1();
}
