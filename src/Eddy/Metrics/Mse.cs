namespace Eddy.Metrics;

/// <summary>River: <c>metrics.MSE</c>. Mean squared error.</summary>
public sealed class Mse : MeanRegressionMetric
{
    public override string Name => "MSE";

    public override Metric CloneFresh() => new Mse();

    protected override double Eval(double yTrue, double yPred) => Math.Pow(yTrue - yPred, 2);
}
