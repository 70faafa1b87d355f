using Eddy.Base;
using Eddy.Optim;
using Eddy.Serialization;

namespace Eddy.Preprocessing;

/// <summary>
/// River: <c>preprocessing.StandardScaler</c>. Scales each feature to zero mean and unit variance with running
/// statistics (Welford's algorithm, population variance). A feature with zero variance scales to 0, so the first
/// example scales to all zeros.
/// </summary>
/// <remarks>
/// Statistics are per feature: a feature absent from an example is not updated (River's emerging and disappearing
/// features). Transforming never writes: a feature never learned reads as mean 0, variance 0, hence scales to 0.
/// </remarks>
public sealed class StandardScaler : Transformer, IParameterExport
{
    private const byte StateVersion = 1;

    private double[] _counts = [];
    private double[] _means = [];
    private double[] _vars = [];

    /// <param name="withStd">Divide by the standard deviation (default true); false only centres.</param>
    public StandardScaler(bool withStd = true)
    {
        WithStd = withStd;
    }

    public bool WithStd { get; }

    /// <summary>Running mean of a feature index (0 when never seen).</summary>
    public double MeanOf(int index) => (uint)index < (uint)_means.Length ? _means[index] : 0.0;

    /// <summary>Running population variance of a feature index (0 when never seen).</summary>
    public double VarianceOf(int index) => (uint)index < (uint)_vars.Length ? _vars[index] : 0.0;

    /// <summary>How many examples carried the feature.</summary>
    public double CountOf(int index) => (uint)index < (uint)_counts.Length ? _counts[index] : 0.0;

    protected override void LearnCore(FeatureVector x)
    {
        ValidateInput(x);
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;

        // Check first: an update that would overflow is refused before any statistic moves.
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            double count = CountOf(j) + 1;
            double mean = MeanOf(j);
            double newMean = mean + ((values[i] - mean) / count);
            double newVar = VarianceOf(j) + ((((values[i] - mean) * (values[i] - newMean)) - VarianceOf(j)) / count);
            if (!double.IsFinite(newMean) || !double.IsFinite(newVar))
            {
                throw new NonFiniteUpdateException(nameof(StandardScaler), $"the statistics of '{x.NameOf(j)}'");
            }
        }

        EnsureCapacity(x.Schema.Count);
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            double xi = values[i];
            _counts[j] += 1;
            double oldMean = _means[j];
            _means[j] += (xi - oldMean) / _counts[j];
            if (WithStd)
            {
                _vars[j] += (((xi - oldMean) * (xi - _means[j])) - _vars[j]) / _counts[j];
            }
        }
    }

    protected override void TransformCore(FeatureVector x, FeatureVector output)
    {
        ValidateInput(x);
        ArgumentNullException.ThrowIfNull(output);
        output.Reset(x.Schema, output.Interning);
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            double centred = values[i] - MeanOf(j);
            double scaled = WithStd ? MathUtils.SafeDivide(centred, Math.Sqrt(VarianceOf(j))) : centred;
            output.AppendFrom(x, i, scaled);
        }
    }

    public IReadOnlyDictionary<string, object> ExportParameters(FeatureSchema schema)
    {
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        var variances = new Dictionary<string, double>(StringComparer.Ordinal);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < _counts.Length && i < schema.Count; i++)
        {
            if (_counts[i] > 0)
            {
                means[schema.NameOf(i)] = _means[i];
                variances[schema.NameOf(i)] = _vars[i];
                counts[schema.NameOf(i)] = _counts[i];
            }
        }

        return new Dictionary<string, object> { ["mean"] = means, ["variance"] = variances, ["count"] = counts };
    }

    public override Estimator CloneFresh() => new StandardScaler(WithStd);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(StandardScaler), StateVersion);
        writer.WriteDoubles(_counts);
        writer.WriteDoubles(_means);
        writer.WriteDoubles(_vars);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(StandardScaler), StateVersion);
        double[] counts = reader.ReadDoubles();
        double[] means = reader.ReadDoubles();
        double[] vars = reader.ReadDoubles();
        StateReader.Require(counts.Length == means.Length && means.Length == vars.Length, "Scaler statistics differ in length.");
        _counts = counts;
        _means = means;
        _vars = vars;
    }

    public override string ToString() => $"StandardScaler(with_std={(WithStd ? "True" : "False")})";

    private void EnsureCapacity(int count)
    {
        if (_counts.Length >= count)
        {
            return;
        }

        int size = Math.Max(count, _counts.Length * 2);
        Array.Resize(ref _counts, size);
        Array.Resize(ref _means, size);
        Array.Resize(ref _vars, size);
    }
}
