using System.Globalization;
using Eddy.Base;
using Eddy.Optim;
using Eddy.Serialization;

namespace Eddy.Linear;

/// <summary>
/// River: <c>linear_model.ALMAClassifier</c>, the Approximate Large Margin Algorithm: a perceptron-like update with
/// a shrinking margin and a projection onto the unit p-norm ball. Gentile (2001).
/// </summary>
/// <example>River's docstring: <c>StandardScaler | ALMAClassifier()</c> on Phishing gives <c>Accuracy: 82.56%</c>.</example>
public sealed class ALMAClassifier : Classifier
{
    private const byte StateVersion = 1;

    private double[] _weights = [];
    private bool[] _seen = [];
    private double[] _next = [];
    private long _k = 1;

    /// <param name="p">Order of the norm (default 2).</param>
    /// <param name="alpha">Margin approximation, in (0, 1] (default 0.9).</param>
    /// <param name="b">River's <c>B</c> (default 1 / 0.9).</param>
    /// <param name="c">River's <c>C</c> (default √2).</param>
    public ALMAClassifier(int p = 2, double alpha = 0.9, double b = 1 / 0.9, double c = 1.4142135623730951)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 2);
        if (!double.IsFinite(alpha) || alpha <= 0 || alpha > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Must be in (0, 1].");
        }

        if (!double.IsFinite(b) || b <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "Must be finite and positive.");
        }

        if (!double.IsFinite(c) || c <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "Must be finite and positive.");
        }

        P = p;
        Alpha = alpha;
        B = b;
        C = c;
    }

    public int P { get; }

    public double Alpha { get; }

    public double B { get; }

    public double C { get; }

    /// <summary>River's <c>k</c>: 1 plus the number of updates made.</summary>
    public long K => _k;

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

    public override void ValidateLabel(Label y) => y.ToBinary();

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        double sign = y.ToBinary() ? 1 : -1;
        double gamma = B * Math.Sqrt(P - 1) / Math.Sqrt(_k);
        if (!(sign * RawDot(x) < (1 - Alpha) * gamma))
        {
            return;
        }

        double eta = C / (Math.Sqrt(P - 1) * Math.Sqrt(_k));
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;

        // The norm runs over every weight after the step: build the next weights in a second buffer, swapped in
        // at the end, so a failure changes nothing.
        int size = Math.Max(_weights.Length, x.Schema.Count);
        if (_next.Length != size)
        {
            _next = new double[size];
        }

        double[] updated = _next;
        _weights.CopyTo(updated, 0);
        updated.AsSpan(_weights.Length).Clear();
        for (int i = 0; i < indices.Length; i++)
        {
            updated[indices[i]] += eta * sign * values[i];
        }

        double scale = Math.Max(1, Norm(updated));
        for (int i = 0; i < indices.Length; i++)
        {
            updated[indices[i]] /= scale;
        }

        Optimizer.EnsureFinite(updated, nameof(ALMAClassifier), "a weight");
        if (_seen.Length < updated.Length)
        {
            Array.Resize(ref _seen, updated.Length);
        }

        foreach (int j in indices)
        {
            _seen[j] = true;
        }

        _next = _weights;
        _weights = updated;
        _k++;
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        output.SetBinary(MathUtils.Sigmoid(RawDot(x)));
        return true;
    }

    public override Estimator CloneFresh() => new ALMAClassifier(P, Alpha, B, C);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(ALMAClassifier), StateVersion);
        writer.WriteInt64(_k);
        writer.WriteDoubles(_weights);
        writer.WriteBooleans(_seen);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(ALMAClassifier), StateVersion);
        long k = reader.ReadInt64();
        double[] weights = reader.ReadDoubles();
        bool[] seen = reader.ReadBooleans();
        StateReader.Require(k >= 1, "ALMA's update count must be at least 1.");
        StateReader.Require(weights.Length == seen.Length, "Weights and their flags differ in length.");
        _k = k;
        _weights = weights;
        _seen = seen;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"ALMAClassifier(p={P}, alpha={Alpha}, B={B}, C={C})");

    private double RawDot(FeatureVector x)
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

        return sum;
    }

    /// <summary>numpy's p-norm of the weights: √(w·w) for p = 2, else (Σ|w|^p)^(1/p).</summary>
    private double Norm(double[] weights)
    {
        double sum = 0.0;
        foreach (double w in weights)
        {
            sum += P == 2 ? w * w : Math.Pow(Math.Abs(w), P);
        }

        return P == 2 ? Math.Sqrt(sum) : Math.Pow(sum, 1.0 / P);
    }
}
