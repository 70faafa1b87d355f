namespace Eddy.Metrics;

/// <summary>River: <c>metrics.RMSE</c>. Root of the mean squared error (<c>mse ** 0.5</c>, as River takes it).</summary>
public sealed class Rmse : MeanRegressionMetric
{
    public override string Name => "RMSE";

    public override double Value => Math.Pow(Mean, 0.5);

    public override Metric CloneFresh() => new Rmse();

    protected override double Eval(double yTrue, double yPred) => Math.Pow(yTrue - yPred, 2);
}
