using System.Globalization;
using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Optim;

/// <summary>
/// River: <c>optim.FTRLProximal</c>, follow-the-regularized-leader with per-feature adaptive rates.
/// McMahan et al. (2013).
/// </summary>
/// <remarks>
/// River's FTRL has no learning-rate schedule; <see cref="Optimizer.LearningRate"/> reports <c>alpha</c> so a
/// model's L1 penalty has a rate to accumulate.
/// </remarks>
public sealed class FtrlProximal : Optimizer
{
    private const byte StateVersion = 1;

    private double[] _z = [];
    private double[] _n = [];

    public FtrlProximal(double alpha = 0.05, double beta = 1.0, double l1 = 0.0, double l2 = 1.0)
        : base(new ConstantScheduler(Adam.RequirePositive(alpha, nameof(alpha))))
    {
        Alpha = alpha;
        Beta = RequireNonNegative(beta, nameof(beta));
        L1 = RequireNonNegative(l1, nameof(l1));
        L2 = RequireNonNegative(l2, nameof(l2));
    }

    public double Alpha { get; }

    public double Beta { get; }

    public double L1 { get; }

    public double L2 { get; }

    public override void ComputeStep(ReadOnlySpan<double> weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, Span<double> newWeights)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            double z = State(_z, j);
            double w = (uint)j < (uint)weights.Length ? weights[j] : 0.0;

            // River leaves the weight as it is while |z| is within the L1 threshold.
            newWeights[i] = Math.Abs(z) > L1
                ? -Math.Pow(((Beta + Math.Pow(State(_n, j), 0.5)) / Alpha) + L2, -1) * (z - (Math.Sign(z) * L1))
                : w;

            (double nextZ, double nextN) = NextState(j, gradients[i], newWeights[i]);
            if (!double.IsFinite(nextZ) || !double.IsFinite(nextN))
            {
                newWeights[i] = double.NaN;
            }
        }
    }

    public override void CommitStep(double[] weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, ReadOnlySpan<double> newWeights)
    {
        EnsureCapacity(ref _z, weights.Length);
        EnsureCapacity(ref _n, weights.Length);
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            (_z[j], _n[j]) = NextState(j, gradients[i], newWeights[i]);
        }

        base.CommitStep(weights, indices, gradients, newWeights);
    }

    public override Optimizer CloneFresh() => new FtrlProximal(Alpha, Beta, L1, L2);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(FtrlProximal), StateVersion);
        writer.WriteInt64(Iterations);
        writer.WriteDoubles(_z);
        writer.WriteDoubles(_n);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(FtrlProximal), StateVersion);
        long iterations = reader.ReadInt64();
        double[] z = reader.ReadDoubles();
        double[] n = reader.ReadDoubles();
        StateReader.Require(iterations >= 0, "Negative iteration count.");
        StateReader.Require(z.Length == n.Length, "FTRL accumulators differ in length.");
        Iterations = iterations;
        _z = z;
        _n = n;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"FTRLProximal(alpha={Alpha}, beta={Beta}, l1={L1}, l2={L2})");

    private static double RequireNonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be finite and non-negative.");

    private static double State(double[] state, int j) => (uint)j < (uint)state.Length ? state[j] : 0.0;

    private (double Z, double N) NextState(int j, double g, double w)
    {
        double n = State(_n, j);
        double s = (Math.Pow(n + Math.Pow(g, 2), 0.5) - Math.Pow(n, 0.5)) / Alpha;
        return (State(_z, j) + (g - (s * w)), n + Math.Pow(g, 2));
    }
}
