using System.Globalization;
using Eddy.Serialization;

namespace Eddy.Stats;

/// <summary>
/// River: <c>stats.BayesianMean</c>. A mean shrunk towards a prior: <c>(R·v + C·m) / (v + m)</c> with the running mean R
/// of v values, the prior C and its weight m (additive smoothing).
/// </summary>
public sealed class BayesianMean : Univariate
{
    private const byte StateVersion = 1;
    private readonly Mean _mean = new();

    public BayesianMean(double prior, double priorWeight)
    {
        if (!double.IsFinite(prior))
        {
            throw new ArgumentOutOfRangeException(nameof(prior), prior, "Must be finite.");
        }

        if (!double.IsFinite(priorWeight) || priorWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(priorWeight), priorWeight, "Must be finite and non-negative.");
        }

        Prior = prior;
        PriorWeight = priorWeight;
    }

    public double Prior { get; }

    public double PriorWeight { get; }

    public override string Name => "bayes_mean";

    public override void Update(double x) => _mean.Update(x);

    public override double Get()
    {
        double r = _mean.Get();
        double v = _mean.N;
        double denominator = v + PriorWeight;
        return denominator == 0 ? Prior : ((r * v) + (Prior * PriorWeight)) / denominator;
    }

    public override Univariate CloneFresh() => new BayesianMean(Prior, PriorWeight);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(BayesianMean), StateVersion);
        _mean.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(BayesianMean), StateVersion);
        _mean.ReadState(reader);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"BayesianMean(prior={Preprocessing.PythonFloat.Repr(Prior)}, prior_weight={Preprocessing.PythonFloat.Repr(PriorWeight)})");
}
