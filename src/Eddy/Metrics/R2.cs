using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.R2</c>. Coefficient of determination 1 − RSS / TSS, with TSS = (n − 1) × the running sample
/// variance of the targets (River's <c>stats.Var</c>, Welford); 0 until more than one example was seen.
/// A revert is River's: the variance is updated with the negated weight.
/// </summary>
public sealed class R2 : RegressionMetric
{
    private const byte StateVersion = 1;

    private double _n;
    private double _mean;
    private double _sigma;
    private double _rss;

    public override string Name => "R2";

    public override bool BiggerIsBetter => true;

    public override double Value
    {
        get
        {
            if (_n > 1)
            {
                double totalSumOfSquares = (_n - 1) * _sigma;
                return totalSumOfSquares == 0 ? 0.0 : 1 - (_rss / totalSumOfSquares);
            }

            return 0.0;
        }
    }

    public override void Update(double yTrue, double yPred, double w = 1.0)
    {
        BinaryMetric.CheckWeight(w);
        UpdateVariance(yTrue, w);
        _rss += (yTrue - yPred) * (yTrue - yPred) * w;
    }

    public override void Revert(double yTrue, double yPred, double w = 1.0)
    {
        BinaryMetric.CheckWeight(w);
        UpdateVariance(yTrue, -w);
        _rss -= (yTrue - yPred) * (yTrue - yPred) * w;
    }

    public override Metric CloneFresh() => new R2();

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(R2), StateVersion);
        writer.WriteDouble(_n);
        writer.WriteDouble(_mean);
        writer.WriteDouble(_sigma);
        writer.WriteDouble(_rss);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(R2), StateVersion);
        double n = reader.ReadDouble();
        double mean = reader.ReadDouble();
        double sigma = reader.ReadDouble();
        double rss = reader.ReadDouble();
        StateReader.Require(double.IsFinite(n), "R2 has an invalid total weight.");
        _n = n;
        _mean = mean;
        _sigma = sigma;
        _rss = rss;
    }

    /// <summary>River's <c>stats.Var(ddof=1).update(x, w)</c> over its <c>stats.Mean</c>.</summary>
    private void UpdateVariance(double x, double w)
    {
        const double Ddof = 1;
        double oldMean = _mean;
        double n = _n + w;
        double mean = oldMean;
        if (n > 0)
        {
            mean += w * (x - mean) / n;
        }

        double sigma = _sigma;
        if (n > Ddof)
        {
            sigma += w * (((x - oldMean) * (x - mean)) - sigma) / (n - Ddof);
        }

        _n = n;
        _mean = mean;
        _sigma = sigma;
    }
}
