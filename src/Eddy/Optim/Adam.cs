using System.Globalization;
using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Optim;

/// <summary>
/// River: <c>optim.Adam</c>, bias-corrected moment estimates per feature. Kingma &amp; Ba (2014).
/// </summary>
/// <remarks>
/// Moments are kept for the features an example carries, as River's per-key step does; River's vector path also
/// decays the moments of absent features, which only differs on sparse inputs.
/// </remarks>
public sealed class Adam : Optimizer
{
    private const byte StateVersion = 1;

    private double[] _m = [];
    private double[] _v = [];

    /// <param name="learningRate">River's default is 0.1.</param>
    /// <param name="beta1">Decay of the first moment (default 0.9).</param>
    /// <param name="beta2">Decay of the second moment (default 0.999).</param>
    /// <param name="eps">Added to the denominator for stability (default 1e-8).</param>
    public Adam(Scheduler? learningRate = null, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
        : base(learningRate ?? new ConstantScheduler(0.1))
    {
        Beta1 = RequireUnit(beta1, nameof(beta1));
        Beta2 = RequireUnit(beta2, nameof(beta2));
        Eps = RequirePositive(eps, nameof(eps));
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Eps { get; }

    public override void ComputeStep(ReadOnlySpan<double> weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, Span<double> newWeights)
    {
        double lr = CorrectedRate();
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            double m = NextM(j, gradients[i]);
            double v = NextV(j, gradients[i]);
            double w = (uint)j < (uint)weights.Length ? weights[j] : 0.0;

            // A non-finite moment poisons the weight so the model refuses the whole step.
            newWeights[i] = double.IsFinite(m) && double.IsFinite(v) ? w - (lr * m / (Math.Pow(v, 0.5) + Eps)) : double.NaN;
        }
    }

    public override void CommitStep(double[] weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, ReadOnlySpan<double> newWeights)
    {
        int count = weights.Length;
        EnsureCapacity(ref _m, count);
        EnsureCapacity(ref _v, count);
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            double m = NextM(j, gradients[i]);
            double v = NextV(j, gradients[i]);
            _m[j] = m;
            _v[j] = v;
        }

        base.CommitStep(weights, indices, gradients, newWeights);
    }

    public override Optimizer CloneFresh() => new Adam(Schedule, Beta1, Beta2, Eps);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Adam), StateVersion);
        writer.WriteInt64(Iterations);
        writer.WriteDoubles(_m);
        writer.WriteDoubles(_v);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Adam), StateVersion);
        long iterations = reader.ReadInt64();
        double[] m = reader.ReadDoubles();
        double[] v = reader.ReadDoubles();
        StateReader.Require(iterations >= 0, "Negative iteration count.");
        StateReader.Require(m.Length == v.Length, "Adam moments differ in length.");
        Iterations = iterations;
        _m = m;
        _v = v;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"Adam(lr={Schedule}, beta_1={Beta1}, beta_2={Beta2}, eps={Eps})");

    internal static double RequireUnit(double value, string name) =>
        double.IsFinite(value) && value >= 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be in [0, 1).");

    internal static double RequirePositive(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be finite and positive.");

    private double CorrectedRate()
    {
        // River corrects the bias of v, then of m, in this order.
        double t = Iterations + 1;
        double lr = LearningRate * Math.Pow(1 - Math.Pow(Beta2, t), 0.5);
        return lr / (1 - Math.Pow(Beta1, t));
    }

    private double NextM(int j, double g) => (Beta1 * State(_m, j)) + ((1 - Beta1) * g);

    private double NextV(int j, double g) => (Beta2 * State(_v, j)) + ((1 - Beta2) * Math.Pow(g, 2));

    private static double State(double[] state, int j) => (uint)j < (uint)state.Length ? state[j] : 0.0;
}
