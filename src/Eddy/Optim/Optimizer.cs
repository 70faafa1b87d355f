using Eddy.Base;
using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Optim;

/// <summary>
/// River's <c>optim.base.Optimizer</c>: updates weights from a sparse gradient, one step per learned example.
/// Weights live in the model (a dense array indexed by feature); per-feature optimizer state is indexed the same way.
/// </summary>
/// <remarks>
/// A step is two-phase so the model stays atomic: <see cref="ComputeStep"/> writes the new weights into a scratch
/// span without touching any state; the model checks they are finite and only then calls <see cref="CommitStep"/>,
/// which stores them and the optimizer's own state.
/// </remarks>
public abstract class Optimizer
{
    protected Optimizer(Scheduler learningRate)
    {
        ArgumentNullException.ThrowIfNull(learningRate);
        Schedule = learningRate;
    }

    public Scheduler Schedule { get; }

    /// <summary>Steps taken so far (River's <c>n_iterations</c>); the schedule is read at this count.</summary>
    public long Iterations { get; protected set; }

    /// <summary>River's <c>learning_rate</c> property: the schedule at the current iteration.</summary>
    public double LearningRate => Schedule.Get(Iterations);

    /// <summary>
    /// Some optimizers (FTRL) recompute weights before a prediction is made for learning. Writes the weights to use
    /// for the feature indices into <paramref name="weights"/> only through <see cref="CommitStep"/>-like care: the
    /// default does nothing.
    /// </summary>
    public virtual void LookAhead(double[] weights, ReadOnlySpan<int> indices)
    {
    }

    /// <summary>
    /// Computes the new value of each weight in <paramref name="indices"/> given its gradient, into
    /// <paramref name="newWeights"/>. Pure: changes no state.
    /// </summary>
    public abstract void ComputeStep(ReadOnlySpan<double> weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, Span<double> newWeights);

    /// <summary>Stores <paramref name="newWeights"/> and advances the optimizer's state (including <see cref="Iterations"/>).</summary>
    public virtual void CommitStep(double[] weights, ReadOnlySpan<int> indices, ReadOnlySpan<double> gradients, ReadOnlySpan<double> newWeights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        for (int i = 0; i < indices.Length; i++)
        {
            weights[indices[i]] = newWeights[i];
        }

        Iterations++;
    }

    /// <summary>A new optimizer with the same hyper-parameters and no state.</summary>
    public abstract Optimizer CloneFresh();

    public abstract void WriteState(StateWriter writer);

    public abstract void ReadState(StateReader reader);

    public abstract override string ToString();

    /// <summary>Grows a per-feature state array to cover <paramref name="count"/> features (new entries get <paramref name="fill"/>).</summary>
    protected static void EnsureCapacity(ref double[] state, int count, double fill = 0.0)
    {
        if (state.Length >= count)
        {
            return;
        }

        int old = state.Length;
        Array.Resize(ref state, Math.Max(count, old * 2));
        state.AsSpan(old).Fill(fill);
    }

    /// <summary>Throws when a new weight would not be finite (used by models before committing).</summary>
    public static void EnsureFinite(ReadOnlySpan<double> values, string estimator, string what)
    {
        foreach (double value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new NonFiniteUpdateException(estimator, what);
            }
        }
    }
}
