namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.CohenKappa</c>. Agreement corrected for chance, (p₀ − pₑ) / (1 − pₑ) (Cohen, 1960). As in River,
/// the probabilities divide by the number of updates (<c>n_samples</c>), not by the total weight.
/// </summary>
public sealed class CohenKappa : MultiClassMetric
{
    public override string Name => "CohenKappa";

    public override double Value
    {
        get
        {
            ConfusionMatrix cm = Matrix;
            double n = cm.SampleCount;
            if (n == 0)
            {
                return 0.0;
            }

            double p0 = cm.TotalTruePositives / n;
            double pe = 0;
            for (int c = 0; c < cm.ClassCount; c++)
            {
                if (cm.IsPresent(c))
                {
                    double estimationRow = cm.RowSum(c) / n;
                    double estimationCol = cm.ColSum(c) / n;
                    pe += estimationRow * estimationCol;
                }
            }

            return TryDivide(p0 - pe, 1 - pe, out double kappa) ? kappa : 0.0;
        }
    }

    public override Metric CloneFresh() => new CohenKappa();
}
