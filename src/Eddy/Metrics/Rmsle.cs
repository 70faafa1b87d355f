namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.RMSLE</c>. RMSE of <c>log(y + 1)</c>. River's revert forgets the logarithm; Eddy reverts what
/// it updated, so rolling windows are right.
/// </summary>
public sealed class Rmsle : MeanRegressionMetric
{
    public override string Name => "RMSLE";

    public override double Value => Math.Pow(Mean, 0.5);

    public override Metric CloneFresh() => new Rmsle();

    protected override double Eval(double yTrue, double yPred)
    {
        // Python's math.log refuses non-positive arguments; refuse them before anything is written.
        if (!(yTrue > -1) || !(yPred > -1))
        {
            throw new ArgumentOutOfRangeException(nameof(yTrue), "RMSLE needs values greater than -1.");
        }

        return Math.Pow(Math.Log(yTrue + 1) - Math.Log(yPred + 1), 2);
    }
}
