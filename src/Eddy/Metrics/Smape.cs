namespace Eddy.Metrics;

/// <summary>River: <c>metrics.SMAPE</c>. Symmetric mean absolute percentage error, in percent (0 when both values are 0).</summary>
public sealed class Smape : MeanRegressionMetric
{
    public override string Name => "SMAPE";

    public override double Value => 100 * Mean;

    public override Metric CloneFresh() => new Smape();

    protected override double Eval(double yTrue, double yPred)
    {
        double den = Math.Abs(yTrue) + Math.Abs(yPred);
        return den == 0 ? 0.0 : 2.0 * Math.Abs(yTrue - yPred) / den;
    }
}
