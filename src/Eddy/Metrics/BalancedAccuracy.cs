namespace Eddy.Metrics;

/// <summary>River: <c>metrics.BalancedAccuracy</c>. Recall averaged over the classes present (Brodersen et al., 2010).</summary>
public sealed class BalancedAccuracy : MultiClassMetric
{
    public override string Name => "BalancedAccuracy";

    public override double Value
    {
        get
        {
            ConfusionMatrix cm = Matrix;
            double total = 0;
            int classes = 0;
            for (int c = 0; c < cm.ClassCount; c++)
            {
                if (!cm.IsPresent(c))
                {
                    continue;
                }

                classes++;
                if (TryDivide(cm.Cell(c, c), cm.RowSum(c), out double recall))
                {
                    total += recall;
                }
            }

            return TryDivide(total, classes, out double score) ? score : 0.0;
        }
    }

    public override Metric CloneFresh() => new BalancedAccuracy();
}
