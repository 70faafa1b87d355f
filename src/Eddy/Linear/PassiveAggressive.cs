using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Linear;

/// <summary>
/// River's <c>linear_model.pa.BasePA</c>: the weights, intercept and step size shared by the passive-aggressive
/// classifier and regressor. Crammer et al. (2006).
/// </summary>
internal sealed class PassiveAggressive
{
    private const byte StateVersion = 1;

    private double[] _weights = [];
    private bool[] _seen = [];
    private double _intercept;

    public PassiveAggressive(string owner, double c, int mode, bool learnIntercept)
    {
        if (!double.IsFinite(c) || c <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "Must be finite and positive.");
        }

        if (mode is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Must be 0, 1 or 2.");
        }

        Owner = owner;
        C = c;
        Mode = mode;
        LearnIntercept = learnIntercept;
    }

    public string Owner { get; }

    public double C { get; }

    public int Mode { get; }

    public bool LearnIntercept { get; }

    public double Intercept => _intercept;

    public Dictionary<string, double> Weights(FeatureSchema schema)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < _seen.Length; i++)
        {
            if (_seen[i])
            {
                weights[schema.NameOf(i)] = _weights[i];
            }
        }

        return weights;
    }

    /// <summary>w·x + b in the order of <paramref name="x"/>.</summary>
    public double RawDot(FeatureVector x)
    {
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        double sum = 0.0;
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            if ((uint)j < (uint)_weights.Length)
            {
                sum += values[i] * _weights[j];
            }
        }

        return sum + _intercept;
    }

    /// <summary>River's <c>calc_tau</c> for the chosen mode (PA, PA-I, PA-II).</summary>
    public double Tau(FeatureVector x, double loss)
    {
        // River takes numpy's 2-norm (a square root of the dot product) and squares it again.
        double sumOfSquares = 0.0;
        foreach (double value in x.Values)
        {
            sumOfSquares += value * value;
        }

        double norm = Math.Pow(Math.Sqrt(sumOfSquares), 2);
        return Mode switch
        {
            0 => norm > 0 ? loss / norm : 0.0,
            1 => norm > 0 ? Math.Min(C, loss / norm) : 0.0,
            _ => loss / (norm + (0.5 / C)),
        };
    }

    /// <summary>Moves every weight of <paramref name="x"/> by <c>step · xᵢ</c> (and the intercept by <c>step</c>), or nothing if a value would overflow.</summary>
    public void Update(FeatureVector x, double step)
    {
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        double intercept = LearnIntercept ? _intercept + step : _intercept;
        bool finite = double.IsFinite(intercept);
        for (int i = 0; i < indices.Length && finite; i++)
        {
            finite = double.IsFinite(WeightOf(indices[i]) + (step * values[i]));
        }

        if (!finite)
        {
            throw new NonFiniteUpdateException(Owner, "a weight");
        }

        EnsureCapacity(x.Schema.Count);
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            _weights[j] += step * values[i];
            _seen[j] = true;
        }

        _intercept = intercept;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(PassiveAggressive), StateVersion);
        writer.WriteDouble(_intercept);
        writer.WriteDoubles(_weights);
        writer.WriteBooleans(_seen);
    }

    public void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(PassiveAggressive), StateVersion);
        double intercept = reader.ReadDouble();
        double[] weights = reader.ReadDoubles();
        bool[] seen = reader.ReadBooleans();
        StateReader.Require(weights.Length == seen.Length, "Weights and their flags differ in length.");
        _intercept = intercept;
        _weights = weights;
        _seen = seen;
    }

    private double WeightOf(int index) => (uint)index < (uint)_weights.Length ? _weights[index] : 0.0;

    private void EnsureCapacity(int count)
    {
        if (_weights.Length >= count)
        {
            return;
        }

        int size = Math.Max(count, _weights.Length * 2);
        Array.Resize(ref _weights, size);
        Array.Resize(ref _seen, size);
    }
}
