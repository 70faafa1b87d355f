using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Compose;

/// <summary>
/// The transformer chain shared by the three pipeline kinds, with River's ≥ 0.19 semantics: learning lets each step
/// learn its input and then transforms it with the updated state for the next step; predicting only transforms,
/// with the state as it is. Input and label are validated before any step learns.
/// </summary>
/// <remarks>
/// Whether a step accepts its input (numbers only, or categories too) depends on the structure of the chain, not on
/// learned state, so when an example carries categorical values a pure dry run checks every step first; numeric
/// examples cannot be refused by a later step and skip it. Only an update that would overflow in a later step
/// (<see cref="NonFiniteUpdateException"/>, astronomically large inputs) can leave earlier steps having learned.
/// </remarks>
internal sealed class PipelineSteps
{
    private readonly Transformer[] _steps;
    private FeatureVector[] _learnScratch = [];

    public PipelineSteps(IEnumerable<Transformer> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = [.. steps];
        foreach (Transformer step in _steps)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(steps));
        }
    }

    public IReadOnlyList<Transformer> Steps => _steps;

    public int Count => _steps.Length;

    /// <summary>
    /// Checks, without learning anything, that every step and then <paramref name="final"/> accept what reaches them.
    /// </summary>
    public void ValidateChain(FeatureVector x, Estimator final)
    {
        if (!x.HasCategorical || _steps.Length == 0)
        {
            (_steps.Length > 0 ? _steps[0] : final).ValidateInput(x);
            return;
        }

        FeatureVector transformed = TransformForPrediction(x);
        try
        {
            final.ValidateInput(transformed);
        }
        finally
        {
            Release(x, transformed);
        }
    }

    /// <summary>
    /// Lets every step learn its input, then transforms it with the updated state (names interned) for the next
    /// step. Returns the input of the final estimator (<paramref name="x"/> itself without steps).
    /// </summary>
    public FeatureVector LearnAndTransform(FeatureVector x) => LearnAndTransform(x, Label.None);

    /// <summary>
    /// As <see cref="LearnAndTransform(FeatureVector)"/>, and supervised steps (<see cref="SupervisedTransformer"/>) learn
    /// (x, <paramref name="y"/>) after transforming, as River's pipeline does to avoid target leakage; without a label
    /// (<see cref="Label.None"/>: transformer and anomaly pipelines) they do not learn. The label is checked against
    /// every supervised step before any step learns.
    /// </summary>
    public FeatureVector LearnAndTransform(FeatureVector x, Label y)
    {
        if (!y.IsNone)
        {
            foreach (Transformer step in _steps)
            {
                step.ValidateTarget(y);
            }
        }

        if (_learnScratch.Length != _steps.Length)
        {
            _learnScratch = new FeatureVector[_steps.Length];
            for (int i = 0; i < _steps.Length; i++)
            {
                _learnScratch[i] = new FeatureVector(x.Schema);
            }
        }

        FeatureVector current = x;
        for (int i = 0; i < _steps.Length; i++)
        {
            _steps[i].LearnOne(current);
            FeatureVector output = _learnScratch[i];
            output.Reset(x.Schema, interning: true);
            _steps[i].TransformOne(current, output);
            if (!y.IsNone && _steps[i].LearnsFromTarget)
            {
                _steps[i].LearnTarget(current, y);
            }

            current = output;
        }

        return current;
    }

    /// <summary>
    /// Pure transform for predictions: buffers come from a per-thread pool, unknown names stay transient.
    /// The caller returns the result with <see cref="Release"/>.
    /// </summary>
    public FeatureVector TransformForPrediction(FeatureVector x)
    {
        FeatureVector current = x;
        for (int i = 0; i < _steps.Length; i++)
        {
            _steps[i].ValidateInput(current);
            FeatureVector output = ScratchPool.RentVector(x.Schema, interning: false);
            _steps[i].TransformOne(current, output);
            if (!ReferenceEquals(current, x))
            {
                ScratchPool.Return(current);
            }

            current = output;
        }

        return current;
    }

    public static void Release(FeatureVector original, FeatureVector transformed)
    {
        if (!ReferenceEquals(original, transformed))
        {
            ScratchPool.Return(transformed);
        }
    }

    public Transformer[] CloneFreshSteps()
    {
        var copies = new Transformer[_steps.Length];
        for (int i = 0; i < _steps.Length; i++)
        {
            copies[i] = (Transformer)_steps[i].CloneFresh();
        }

        return copies;
    }

    public void WriteState(StateWriter writer)
    {
        foreach (Transformer step in _steps)
        {
            step.WriteState(writer);
        }
    }

    /// <summary>Reads every step's state into fresh copies; the live steps are untouched until <see cref="Commit"/>.</summary>
    public Transformer[] ReadCopies(StateReader reader)
    {
        var copies = new Transformer[_steps.Length];
        for (int i = 0; i < _steps.Length; i++)
        {
            copies[i] = (Transformer)_steps[i].CloneFresh();
            copies[i].ReadState(reader);
        }

        return copies;
    }

    /// <summary>Moves the states read by <see cref="ReadCopies"/> into the live steps.</summary>
    public void Commit(Transformer[] copies)
    {
        for (int i = 0; i < _steps.Length; i++)
        {
            CopyState(copies[i], _steps[i]);
        }
    }

    /// <summary>A pipeline's whole state: its header, the step count, each step, then the final estimator.</summary>
    public void WritePipeline(StateWriter writer, string name, byte version, Estimator final)
    {
        writer.WriteHeader(name, version);
        writer.WriteInt32(Count);
        WriteState(writer);
        final.WriteState(writer);
    }

    /// <summary>Reads what <see cref="WritePipeline"/> wrote; nothing changes unless every part reads.</summary>
    public void ReadPipeline(StateReader reader, string name, byte version, Estimator final)
    {
        reader.ReadHeader(name, version);
        StateReader.Require(reader.ReadInt32() == Count, "The saved pipeline has a different number of steps.");
        Transformer[] steps = ReadCopies(reader);
        Estimator copy = final.CloneFresh();
        copy.ReadState(reader);
        Commit(steps);
        CopyState(copy, final);
    }

    public static void CopyState(Estimator from, Estimator to) => to.ReadState(new StateReader(from.SerializeState()));

    public string Describe(string final) =>
        _steps.Length == 0 ? final : string.Join(" | ", _steps.Select(s => s.ToString())) + " | " + final;

    public static IEnumerable<Transformer> Flatten(Transformer transformer) =>
        transformer is TransformerPipeline pipeline ? pipeline.Steps : [transformer];
}
