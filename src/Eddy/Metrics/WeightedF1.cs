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
            double total = 0;
            for (int c = 0; c < cm.ClassCount; c++)
            {
                if (cm.IsPresent(c))
                {
                    // River scales both precision and recall by the support, so each term is support × F1.
                    total += ClassFBeta(cm, c, scale: cm.RowSum(c), b2: 1.0);
                }
            }

            return TryDivide(total, cm.TotalWeight, out double score) ? score : 0.0;
        }
    }

    public override Metric CloneFresh() => new WeightedF1();
}
