using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Preprocessing;

/// <summary>
/// River: <c>preprocessing.MinMaxScaler</c>. Scales each feature to [0, 1] with its running minimum and maximum:
/// <c>(x − min) / (max − min)</c>, and 0 when the range is zero (so the first example scales to all zeros).
/// </summary>
/// <remarks>
/// Statistics are per feature and only move for the features an example carries. A feature never learned
/// transforms to 0; River computes <c>(x − ∞) / (−∞ − ∞)</c> there, a NaN that no estimator downstream could use
/// (and that would make a pipeline refuse its very first example, as the ≥ 0.19 pipeline transforms before learning).
/// </remarks>
public sealed class MinMaxScaler : Transformer
{
    private const byte StateVersion = 1;

    private double[] _mins = [];
    private double[] _maxs = [];

    /// <summary>Running minimum of a feature index (+∞ when never seen, as River's <c>stats.Min</c>).</summary>
    public double MinOf(int index) => (uint)index < (uint)_mins.Length ? _mins[index] : double.PositiveInfinity;

    /// <summary>Running maximum of a feature index (−∞ when never seen).</summary>
    public double MaxOf(int index) => (uint)index < (uint)_maxs.Length ? _maxs[index] : double.NegativeInfinity;

    protected override void LearnCore(FeatureVector x)
    {
        ValidateInput(x);
        EnsureCapacity(x.Schema.Count);
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            if (j < 0)
            {
                j = x.Schema.Intern(x.NameOf(j));
                EnsureCapacity(j + 1);
            }

            if (values[i] < _mins[j])
            {
                _mins[j] = values[i];
            }

            if (values[i] > _maxs[j])
            {
                _maxs[j] = values[i];
            }
        }
    }

    protected override void TransformCore(FeatureVector x, FeatureVector output)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(output);
        output.Reset(x.Schema, output.Interning);
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        for (int i = 0; i < indices.Length; i++)
        {
            double lo = MinOf(indices[i]);
            double range = MaxOf(indices[i]) - lo;
            double scaled = double.IsFinite(lo) && range != 0.0 ? (values[i] - lo) / range : 0.0;
            output.AppendFrom(x, i, scaled);
        }
    }

    public override Estimator CloneFresh() => new MinMaxScaler();

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(MinMaxScaler), StateVersion);
        writer.WriteDoubles(_mins);
        writer.WriteDoubles(_maxs);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(MinMaxScaler), StateVersion);
        double[] mins = reader.ReadDoubles();
        double[] maxs = reader.ReadDoubles();
        StateReader.Require(mins.Length == maxs.Length, "Scaler statistics differ in length.");
        for (int j = 0; j < mins.Length; j++)
        {
            bool seen = double.IsFinite(mins[j]) && double.IsFinite(maxs[j]) && mins[j] <= maxs[j];
            bool unseen = double.IsPositiveInfinity(mins[j]) && double.IsNegativeInfinity(maxs[j]);
            StateReader.Require(seen || unseen, "A scaler's minimum and maximum are inconsistent.");
        }

        _mins = mins;
        _maxs = maxs;
    }

    public override string ToString() => "MinMaxScaler()";

    private void EnsureCapacity(int count)
    {
        if (_mins.Length >= count)
        {
            return;
        }

        int old = _mins.Length;
        int size = Math.Max(count, old * 2);
        Array.Resize(ref _mins, size);
        Array.Resize(ref _maxs, size);
        _mins.AsSpan(old).Fill(double.PositiveInfinity);
        _maxs.AsSpan(old).Fill(double.NegativeInfinity);
    }
}
