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
            double total = 0;
            int classes = 0;
            for (int c = 0; c < cm.ClassCount; c++)
            {
                if (cm.IsPresent(c))
                {
                    classes++;
                    total += ClassFBeta(cm, c, scale: 1.0, b2: 1.0);
                }
            }

            return TryDivide(total, classes, out double score) ? score : 0.0;
        }
    }

    public override Metric CloneFresh() => new MacroF1();
}
