namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.MicroF1</c> (<c>MicroFBeta(beta=1)</c>): F1 of the micro-averaged precision and recall, which for
/// single-label classification both equal accuracy.
/// </summary>
public sealed class MicroF1 : MultiClassMetric
{
    public override string Name => "MicroF1";

    public override double Value
    {
        get
        {
            ConfusionMatrix cm = Matrix;
            double diagonal = 0;
            double columns = 0;
            double rows = 0;
            for (int c = 0; c < cm.ClassCount; c++)
            {
                if (cm.IsPresent(c))
                {
                    diagonal += cm.Cell(c, c);
                    columns += cm.ColSum(c);
                    rows += cm.RowSum(c);
                }
            }

            const double B2 = 1.0;
            TryDivide(diagonal, columns, out double p);
            TryDivide(diagonal, rows, out double r);
            return FBetaScore(p, r, B2);
        }
    }

    public override Metric CloneFresh() => new MicroF1();
}
