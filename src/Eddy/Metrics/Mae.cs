namespace Eddy.Metrics;

/// <summary>River: <c>metrics.MAE</c>. Mean absolute error.</summary>
public sealed class Mae : MeanRegressionMetric
{
    public override string Name => "MAE";

    public override Metric CloneFresh() => new Mae();

    protected override double Eval(double yTrue, double yPred) => Math.Abs(yTrue - yPred);
}
