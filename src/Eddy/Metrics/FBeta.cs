using Eddy.Base;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.FBeta</c>. Weighted harmonic mean of precision and recall; <c>beta</c> weighs recall
/// (beta = 1 is <see cref="F1"/>). 0 when precision and recall are both 0.
/// </summary>
public sealed class FBeta : BinaryMetric
{
    public FBeta(double beta)
        : this(beta, Label.True)
    {
    }

    public FBeta(double beta, Label posVal)
        : base(posVal)
    {
        if (!double.IsFinite(beta) || beta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be finite and non-negative.");
        }

        Beta = beta;
    }

    public double Beta { get; }

    public override string Name => "FBeta";

    public override double Value => Compute(Counts, Beta);

    public override Metric CloneFresh() => new FBeta(Beta, PosVal);

    internal static double Compute(BinaryConfusion counts, double beta)
    {
        double p = Precision.Compute(counts);
        double r = Recall.Compute(counts);
        double b2 = Math.Pow(beta, 2);
        return MultiClassMetric.FBetaScore(p, r, b2);
    }
}
