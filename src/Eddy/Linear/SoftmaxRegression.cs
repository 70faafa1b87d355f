using System.Globalization;
using Eddy.Base;
using Eddy.Optim;
using Eddy.Optim.Losses;
using Eddy.Serialization;

namespace Eddy.Linear;

/// <summary>
/// River: <c>linear_model.SoftmaxRegression</c>, multinomial logistic regression: a weight vector and an optimizer
/// per class, P(c | x) = softmax(w_c·x), fitted on the cross-entropy loss. Bishop (2006), §4.3.4.
/// </summary>
/// <remarks>
/// Classes are kept in the order first seen. Before any example is learned the model predicts nothing (River's
/// empty dict). A class's optimizer is a fresh copy of the one given, created when the class first appears.
/// </remarks>
/// <example>River's docstring: <c>StandardScaler | SoftmaxRegression()</c> on ImageSegments gives <c>MacroF1: 81.88%</c>.</example>
public sealed class SoftmaxRegression : Classifier
{
    private const byte StateVersion = 1;
    private const int StackLimit = 128;

    private readonly Optimizer _template;
    private ClassTable _classes = new();
    private List<double[]> _weights = [];
    private List<Optimizer> _optimizers = [];
    private Label[] _labels = new Label[4];
    private double[] _probabilities = new double[4];
    private double[] _lossGradients = new double[4];
    private double[] _gradients = new double[16];
    private double[] _newWeights = new double[16];

    /// <param name="optimizer">Template optimizer copied for each class; River's default <c>SGD(0.01)</c>.</param>
    /// <param name="loss">River's default <c>CrossEntropy()</c>.</param>
    /// <param name="l2">L2 penalty on the weights (default 0).</param>
    public SoftmaxRegression(Optimizer? optimizer = null, CrossEntropyLoss? loss = null, double l2 = 0.0)
    {
        if (!double.IsFinite(l2) || l2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "Must be finite and non-negative.");
        }

        _template = optimizer?.CloneFresh() ?? new Sgd(0.01);
        Loss = loss ?? new CrossEntropyLoss();
        L2 = l2;
    }

    public CrossEntropyLoss Loss { get; }

    public double L2 { get; }

    public int ClassCount => _classes.Count;

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateLabel(y);
        int known = _classes.Count;
        int target = _classes.TryGetIndex(y, out int index) ? index : known;
        int count = Math.Max(known, target + 1);
        int n = x.Count;
        EnsureScratch(count, n);

        // River predicts with the classes known so far; a new class enters the gradient with probability 0.
        Span<double> probabilities = _probabilities.AsSpan(0, count);
        probabilities.Clear();
        Softmax(x, probabilities[..known]);
        for (int k = 0; k < known; k++)
        {
            _labels[k] = _classes[k];
        }

        _labels[target] = y;
        Loss.Gradient(y, _labels.AsSpan(0, count), probabilities, _lossGradients);

        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        for (int k = 0; k < count; k++)
        {
            double[] weights = k < known ? _weights[k] : [];
            Optimizer optimizer = k < known ? _optimizers[k] : _template;
            Span<double> gradients = _gradients.AsSpan(k * n, n);
            for (int i = 0; i < n; i++)
            {
                int j = indices[i];
                double wj = (uint)j < (uint)weights.Length ? weights[j] : 0.0;
                gradients[i] = (values[i] * _lossGradients[k]) + (L2 * wj);
            }

            Span<double> next = _newWeights.AsSpan(k * n, n);
            optimizer.ComputeStep(weights, indices, gradients, next);
            Optimizer.EnsureFinite(next, nameof(SoftmaxRegression), "a weight");
        }

        // Commit: nothing above wrote to the model.
        if (target == known)
        {
            _classes.Intern(y);
            _weights.Add([]);
            _optimizers.Add(_template.CloneFresh());
        }

        int features = x.Schema.Count;
        for (int k = 0; k < count; k++)
        {
            double[] weights = _weights[k];
            if (weights.Length < features)
            {
                Array.Resize(ref weights, Math.Max(features, weights.Length * 2));
                _weights[k] = weights;
            }

            _optimizers[k].CommitStep(weights, indices, _gradients.AsSpan(k * n, n), _newWeights.AsSpan(k * n, n));
        }
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

        Span<double> probabilities = count <= StackLimit ? stackalloc double[count] : new double[count];
        Softmax(x, probabilities);
        for (int k = 0; k < count; k++)
        {
            output.Add(_classes[k], probabilities[k]);
        }

        return true;
    }

    public override Estimator CloneFresh() => new SoftmaxRegression(_template, Loss, L2);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(SoftmaxRegression), StateVersion);
        _classes.WriteState(writer);
        for (int k = 0; k < _classes.Count; k++)
        {
            writer.WriteDoubles(_weights[k]);
            _optimizers[k].WriteState(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(SoftmaxRegression), StateVersion);
        ClassTable classes = ClassTable.Read(reader);
        var weights = new List<double[]>(classes.Count);
        var optimizers = new List<Optimizer>(classes.Count);
        for (int k = 0; k < classes.Count; k++)
        {
            weights.Add(reader.ReadDoubles());
            Optimizer optimizer = _template.CloneFresh();
            optimizer.ReadState(reader);
            optimizers.Add(optimizer);
        }

        _classes = classes;
        _weights = weights;
        _optimizers = optimizers;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"SoftmaxRegression(optimizer={_template}, loss={Loss}, l2={L2})");

    /// <summary>River's <c>utils.math.softmax</c> of the per-class dot products, for the first <c>output.Length</c> classes.</summary>
    private void Softmax(FeatureVector x, Span<double> output)
    {
        if (output.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        double maximum = double.NegativeInfinity;
        for (int k = 0; k < output.Length; k++)
        {
            double[] weights = _weights[k];
            double sum = 0.0;
            for (int i = 0; i < indices.Length; i++)
            {
                int j = indices[i];
                if ((uint)j < (uint)weights.Length)
                {
                    sum += weights[j] * values[i];
                }
            }

            output[k] = sum;
            maximum = Math.Max(maximum, sum);
        }

        double total = 0.0;
        for (int k = 0; k < output.Length; k++)
        {
            output[k] = Math.Exp(output[k] - maximum);
            total += output[k];
        }

        for (int k = 0; k < output.Length; k++)
        {
            output[k] /= total;
        }
    }

    private void EnsureScratch(int classes, int features)
    {
        if (_labels.Length < classes)
        {
            int size = Math.Max(classes, _labels.Length * 2);
            _labels = new Label[size];
            _probabilities = new double[size];
            _lossGradients = new double[size];
        }

        if (_gradients.Length < classes * features)
        {
            int size = Math.Max(classes * features, _gradients.Length * 2);
            _gradients = new double[size];
            _newWeights = new double[size];
        }
    }
}
