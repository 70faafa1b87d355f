using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Preprocessing;

/// <summary>
/// River: <c>preprocessing.MaxAbsScaler</c>. Divides each feature by its running maximum absolute value, which
/// maps it into [-1, 1] without shifting it, so sparse (zero) values stay zero. A zero maximum scales to 0.
/// </summary>
/// <remarks>
/// Statistics are per feature and only move for the features an example carries. A feature never learned has
/// maximum 0 (River's <c>stats.AbsMax</c> starts there), so it transforms to 0, as in River.
/// </remarks>
public sealed class MaxAbsScaler : Transformer
{
    private const byte StateVersion = 1;

    private double[] _absMaxs = [];

    /// <summary>Running maximum of |x| for a feature index (0 when never seen).</summary>
    public double AbsMaxOf(int index) => (uint)index < (uint)_absMaxs.Length ? _absMaxs[index] : 0.0;

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

            double magnitude = Math.Abs(values[i]);
            if (magnitude > _absMaxs[j])
            {
                _absMaxs[j] = magnitude;
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
            double max = AbsMaxOf(indices[i]);
            output.AppendFrom(x, i, max != 0.0 ? values[i] / max : 0.0);
        }
    }

    public override Estimator CloneFresh() => new MaxAbsScaler();

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(MaxAbsScaler), StateVersion);
        writer.WriteDoubles(_absMaxs);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(MaxAbsScaler), StateVersion);
        double[] absMaxs = reader.ReadDoubles();
        foreach (double value in absMaxs)
        {
            StateReader.Require(double.IsFinite(value) && value >= 0.0, "A maximum absolute value is negative or not finite.");
        }

        _absMaxs = absMaxs;
    }

    public override string ToString() => "MaxAbsScaler()";

    private void EnsureCapacity(int count)
    {
        if (_absMaxs.Length < count)
        {
            Array.Resize(ref _absMaxs, Math.Max(count, _absMaxs.Length * 2));
        }
    }
}
