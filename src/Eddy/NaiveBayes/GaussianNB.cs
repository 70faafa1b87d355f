using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.NaiveBayes;

/// <summary>
/// River: <c>naive_bayes.GaussianNB</c>. One Gaussian per (class, feature), fitted with Welford's running mean and
/// sample variance (River's <c>proba.Gaussian</c> over <c>stats.Var(ddof=1)</c>); the posterior is the normalised
/// joint log-likelihood <c>log P(c) + Σ log(1e-9 + pdf)</c>. Zhang (2004), "The optimality of naive Bayes".
/// </summary>
/// <remarks>
/// A Gaussian with fewer than two values, zero variance or an unseen feature has density 0 (so contributes
/// log 1e-9). Before anything is learned the model predicts nothing (River's empty dict).
/// </remarks>
public sealed class GaussianNB : Classifier
{
    private const byte StateVersion = 1;
    private const int StackLimit = 128;

    private ClassTable _classes = new();
    private List<long> _counts = [];
    private List<GaussianColumns> _gaussians = [];
    private long _total;

    public int ClassCount => _classes.Count;

    /// <summary>River's <c>p_class</c>: the share of examples of a class.</summary>
    public double ClassProbability(Label label) =>
        _classes.TryGetIndex(label, out int k) ? (double)_counts[k] / _total : 0.0;

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateLabel(y);
        bool known = _classes.TryGetIndex(y, out int k);
        GaussianColumns? gaussians = known ? _gaussians[k] : null;

        // Check first: an update that would overflow is refused before any statistic moves.
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        for (int i = 0; i < indices.Length; i++)
        {
            (double n, double mean, double s) = GaussianColumns.Next(gaussians, indices[i], values[i]);
            if (!double.IsFinite(n) || !double.IsFinite(mean) || !double.IsFinite(s))
            {
                throw new NonFiniteUpdateException(nameof(GaussianNB), $"the statistics of '{x.NameOf(indices[i])}'");
            }
        }

        if (!known)
        {
            k = _classes.Intern(y);
            _counts.Add(0);
            _gaussians.Add(new GaussianColumns());
        }

        _counts[k]++;
        _total++;
        _gaussians[k].Update(indices, values, x.Schema.Count);
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        output.Clear();
        int count = _classes.Count;
        if (count == 0)
        {
            return false;
        }

        Span<double> jll = count <= StackLimit ? stackalloc double[count] : new double[count];
        for (int k = 0; k < count; k++)
        {
            jll[k] = JointLogLikelihood(k, x);
        }

        double lse = LogSumExp(jll);
        for (int k = 0; k < count; k++)
        {
            output.Add(_classes[k], Math.Exp(jll[k] - lse));
        }

        return true;
    }

    public override Estimator CloneFresh() => new GaussianNB();

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(GaussianNB), StateVersion);
        _classes.WriteState(writer);
        for (int k = 0; k < _classes.Count; k++)
        {
            writer.WriteInt64(_counts[k]);
            _gaussians[k].WriteState(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(GaussianNB), StateVersion);
        ClassTable classes = ClassTable.Read(reader);
        var counts = new List<long>(classes.Count);
        var gaussians = new List<GaussianColumns>(classes.Count);
        long total = 0;
        for (int k = 0; k < classes.Count; k++)
        {
            long count = reader.ReadInt64();
            StateReader.Require(count > 0, "A class count must be positive.");
            counts.Add(count);
            total += count;
            gaussians.Add(GaussianColumns.Read(reader));
        }

        _classes = classes;
        _counts = counts;
        _gaussians = gaussians;
        _total = total;
    }

    public override string ToString() => "GaussianNB()";

    /// <summary>scipy's <c>logsumexp</c>: the maximum out, numpy's sum (first value plus the pairwise sum of the rest).</summary>
    internal static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double value in values)
        {
            max = Math.Max(max, value);
        }

        if (!double.IsFinite(max))
        {
            max = 0.0;
        }

        Span<double> exps = values.Length <= StackLimit ? stackalloc double[values.Length] : new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            exps[i] = Math.Exp(values[i] - max);
        }

        // numpy's pairwise summation, so class sums round as River's do.
        double sum = exps[0] + Eddy.Utils.NumpySum.Pairwise(exps[1..]);
        return Math.Log(sum) + max;
    }

    private double JointLogLikelihood(int k, FeatureVector x)
    {
        GaussianColumns gaussians = _gaussians[k];
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        double sum = 0.0;
        for (int i = 0; i < indices.Length; i++)
        {
            sum += Math.Log(10e-10 + gaussians.Pdf(indices[i], values[i]));
        }

        return Math.Log((double)_counts[k] / _total) + sum;
    }
}
