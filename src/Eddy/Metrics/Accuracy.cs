namespace Eddy.Metrics;

/// <summary>River: <c>metrics.Accuracy</c>. Weighted share of exact matches, 0 before any update.</summary>
public sealed class Accuracy : MultiClassMetric
{
    public override string Name => "Accuracy";

    public override double Value =>
        TryDivide(Matrix.TotalTruePositives, Matrix.TotalWeight, out double accuracy) ? accuracy : 0.0;

    public override Metric CloneFresh() => new Accuracy();
}
