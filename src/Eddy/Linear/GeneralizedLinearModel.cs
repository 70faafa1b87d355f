using System.Globalization;
using Eddy.Base;
using Eddy.Optim;
using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Linear;

/// <summary>
/// River's <c>linear_model.base.GLM</c>: a weight per feature plus an intercept, fitted by an optimizer on the
/// gradient of a loss. Shared by River's linear family (logistic and linear regression, perceptron).
/// </summary>
/// <remarks>
/// Weights are a dense array indexed by the model's <see cref="FeatureSchema"/>; an index beyond it is a feature never
/// learned, whose weight reads as 0. A learn step computes the gradient, the new intercept and the new weights into
/// scratch buffers first and commits only when every number is finite.
/// </remarks>
internal sealed class GeneralizedLinearModel
{
    private const byte StateVersion = 1;

    private double[] _weights = [];
    private bool[] _seen = [];
    private double _intercept;
    private double[] _gradients = new double[16];
    private double[] _newWeights = new double[16];
    private double[] _cumL1 = [];
    private double _maxCumL1;

    public GeneralizedLinearModel(
        string owner, Optimizer optimizer, double l2, double interceptInit, Scheduler interceptLr, double clipGradient, double l1 = 0.0)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(interceptLr);
        if (!double.IsFinite(l2) || l2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "Must be finite and non-negative.");
        }

        if (!double.IsFinite(l1) || l1 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l1), l1, "Must be finite and non-negative.");
        }

        if (l1 != 0 && l2 != 0)
        {
            throw new ArgumentException("River does not support L1 and L2 penalties together; set one of them to 0.", nameof(l1));
        }

        if (!double.IsFinite(interceptInit))
        {
            throw new ArgumentOutOfRangeException(nameof(interceptInit), interceptInit, "Must be finite.");
        }

        if (double.IsNaN(clipGradient) || clipGradient <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clipGradient), clipGradient, "Must be positive.");
        }

        Owner = owner;
        Optimizer = optimizer;
        L2 = l2;
        L1 = l1;
        InterceptInit = interceptInit;
        InterceptLr = interceptLr;
        ClipGradient = clipGradient;
        _intercept = interceptInit;
    }

    public string Owner { get; }

    public Optimizer Optimizer { get; }

    public double L2 { get; }

    /// <summary>Cumulative L1 penalty (River's <c>l1</c>; Tsuruoka et al., 2009); 0 turns it off.</summary>
    public double L1 { get; }

    public double InterceptInit { get; }

    public Scheduler InterceptLr { get; }

    public double ClipGradient { get; }

    public double Intercept => _intercept;

    /// <summary>Weight of a feature index; 0 for a feature never learned.</summary>
    public double WeightOf(int index) => (uint)index < (uint)_weights.Length ? _weights[index] : 0.0;

    public bool HasWeight(int index) => (uint)index < (uint)_seen.Length && _seen[index];

    /// <summary>River's <c>weights</c> dict: feature name → weight, for every feature learned from, by schema order.</summary>
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

    /// <summary>w·x + intercept, summed in the order of <paramref name="x"/> as River's dict dot product does.</summary>
    public double RawDot(FeatureVector x)
    {
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        double[] weights = _weights;
        double sum = 0.0;
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            if ((uint)j < (uint)weights.Length)
            {
                sum += weights[j] * values[i];
            }
        }

        return sum + _intercept;
    }

    /// <summary>
    /// One learn step given the loss gradient with respect to the raw output (River's <c>_fit</c>): clip, build the
    /// sparse gradient, update the intercept with the schedule at the optimizer's current iteration, then the weights.
    /// </summary>
    /// <remarks>
    /// River's one-class SVM adds <c>2·lr·l2</c> to the intercept step (its <c>_get_intercept_update</c>) and passes
    /// its l2 as <c>interceptPenalty</c>; 0 (every other model) keeps the plain step.
    /// </remarks>
    public void Fit(FeatureVector x, double lossGradient, double w, double interceptPenalty = 0.0)
    {
        lossGradient *= w;
        lossGradient = MathUtils.Clamp(lossGradient, -ClipGradient, ClipGradient);
        if (!double.IsFinite(lossGradient))
        {
            throw new NonFiniteUpdateException(Owner, "the loss gradient");
        }

        int n = x.Count;
        if (_gradients.Length < n)
        {
            _gradients = new double[Math.Max(n, _gradients.Length * 2)];
            _newWeights = new double[_gradients.Length];
        }

        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        Span<double> gradients = _gradients.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            gradients[i] = values[i] * lossGradient;
            if (L2 != 0)
            {
                gradients[i] += L2 * WeightOf(indices[i]);
            }
        }

        double interceptLr = InterceptLr.Get(Optimizer.Iterations);
        double intercept = interceptPenalty == 0.0
            ? _intercept - (interceptLr * lossGradient)
            : _intercept - ((interceptLr * lossGradient) + (2.0 * interceptLr * interceptPenalty));
        Span<double> newWeights = _newWeights.AsSpan(0, n);
        Optimizer.ComputeStep(_weights, indices, gradients, newWeights);
        if (!double.IsFinite(intercept))
        {
            throw new NonFiniteUpdateException(Owner, "the intercept");
        }

        Optimizer.EnsureFinite(newWeights, Owner, "a weight");

        // Commit: nothing above wrote to the model.
        EnsureCapacity(x.Schema.Count);
        _intercept = intercept;
        Optimizer.CommitStep(_weights, indices, gradients, newWeights);
        foreach (int j in indices)
        {
            _seen[j] = true;
        }

        if (L1 != 0)
        {
            ApplyCumulativeL1(indices);
        }
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(GeneralizedLinearModel), StateVersion);
        writer.WriteDouble(_intercept);
        writer.WriteDoubles(_weights);
        writer.WriteBooleans(_seen);
        Optimizer.WriteState(writer);

        // The L1 accumulators exist only with an L1 penalty, a hyper-parameter, so l1 = 0 keeps the original layout.
        if (L1 != 0)
        {
            writer.WriteDouble(_maxCumL1);
            writer.WriteDoubles(_cumL1);
        }
    }

    public void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(GeneralizedLinearModel), StateVersion);
        double intercept = reader.ReadDouble();
        double[] weights = reader.ReadDoubles();
        bool[] seen = reader.ReadBooleans();
        StateReader.Require(weights.Length == seen.Length, "Weights and their flags differ in length.");
        Optimizer optimizer = Optimizer.CloneFresh();
        optimizer.ReadState(reader);
        double maxCumL1 = 0.0;
        double[] cumL1 = [];
        if (L1 != 0)
        {
            maxCumL1 = reader.ReadDouble();
            cumL1 = reader.ReadDoubles();
            StateReader.Require(double.IsFinite(maxCumL1) && cumL1.Length <= weights.Length, "Invalid L1 penalty state.");
        }

        Optimizer.ReadState(new StateReader(SerializeOptimizer(optimizer)));
        _intercept = intercept;
        _weights = weights;
        _seen = seen;
        _maxCumL1 = maxCumL1;
        _cumL1 = cumL1;
    }

    public string DescribeParameters() => string.Create(
        CultureInfo.InvariantCulture,
        $"optimizer={Optimizer}, l2={L2}, l1={L1}, intercept_init={InterceptInit}, intercept_lr={InterceptLr}, clip_gradient={ClipGradient}");

    private static byte[] SerializeOptimizer(Optimizer optimizer)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        optimizer.WriteState(new StateWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    private void EnsureCapacity(int count)
    {
        if (_weights.Length < count)
        {
            int size = Math.Max(count, _weights.Length * 2);
            Array.Resize(ref _weights, size);
            Array.Resize(ref _seen, size);
        }

        if (L1 != 0 && _cumL1.Length < _weights.Length)
        {
            Array.Resize(ref _cumL1, _weights.Length);
        }
    }

    /// <summary>
    /// River's cumulative L1 penalty, after the optimizer's step (so at its advanced learning rate): each weight of
    /// the example moves towards 0 by the penalty it has not received yet, without crossing 0.
    /// </summary>
    private void ApplyCumulativeL1(ReadOnlySpan<int> indices)
    {
        _maxCumL1 += L1 * Optimizer.LearningRate;
        foreach (int j in indices)
        {
            double before = _weights[j];
            double after = before;
            if (before > 0)
            {
                after = Math.Max(0, before - (_maxCumL1 + _cumL1[j]));
            }
            else if (before < 0)
            {
                after = Math.Min(0, before + (_maxCumL1 - _cumL1[j]));
            }

            _weights[j] = after;
            _cumL1[j] += after - before;
        }
    }
}
