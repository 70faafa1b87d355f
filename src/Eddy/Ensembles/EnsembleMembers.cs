using Eddy.Base;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>base.WrapperEnsemble</c>: <c>n_models</c> fresh clones of one prototype (which itself never learns)
/// and the ensemble's <c>random.Random(seed)</c>. Holds what every bagging and boosting ensemble saves: the generator
/// and each member's state.
/// </summary>
internal sealed class EnsembleMembers<TModel>
    where TModel : Estimator
{
    private TModel[] _models;
    private PythonRandom _rng;

    public EnsembleMembers(TModel model, int nModels, long? seed)
    {
        ArgumentNullException.ThrowIfNull(model);

        // River's Ensemble refuses fewer than two models.
        ArgumentOutOfRangeException.ThrowIfLessThan(nModels, 2);
        Prototype = model;
        Seed = seed;
        _rng = PythonRandom.Create(seed);
        _models = new TModel[nModels];
        for (int i = 0; i < nModels; i++)
        {
            _models[i] = Fresh();
        }
    }

    public TModel Prototype { get; }

    public long? Seed { get; }

    public int Count => _models.Length;

    public PythonRandom Rng => _rng;

    public IReadOnlyList<TModel> Models => _models;

    public TModel this[int index] => _models[index];

    /// <summary>River's <c>self.model.clone()</c>: a member with the prototype's hyper-parameters and no state.</summary>
    public TModel Fresh() => (TModel)Prototype.CloneFresh();

    /// <summary>Replaces a member by a fresh clone of the prototype (drift reset).</summary>
    public void Reset(int index) => _models[index] = Fresh();

    /// <summary>
    /// Checks, without learning, that every member accepts <paramref name="x"/>. The members share the prototype's
    /// structure, which alone decides what is accepted; a categorical example takes a pure dry run through the first.
    /// </summary>
    public void ValidateStructure(FeatureVector x)
    {
        if (!x.HasCategorical)
        {
            return;
        }

        switch (_models[0])
        {
            case Classifier classifier:
                ClassProbabilities scratch = ScratchPool.RentProbabilities();
                try
                {
                    classifier.PredictProbaOne(x, scratch);
                }
                finally
                {
                    ScratchPool.Return(scratch);
                }

                break;
            case Regressor regressor:
                regressor.PredictOne(x);
                break;
        }
    }

    public void WriteState(StateWriter writer)
    {
        _rng.WriteState(writer);
        writer.WriteInt32(_models.Length);
        foreach (TModel model in _models)
        {
            model.WriteState(writer);
        }
    }

    /// <summary>Reads a generator and members into new objects; nothing live changes until <see cref="Commit"/>.</summary>
    public (PythonRandom Rng, TModel[] Models) Read(StateReader reader)
    {
        PythonRandom rng = PythonRandom.ReadState(reader);
        StateReader.Require(reader.ReadInt32() == _models.Length, "The saved ensemble has a different number of models.");
        var models = new TModel[_models.Length];
        for (int i = 0; i < models.Length; i++)
        {
            models[i] = Fresh();
            models[i].ReadState(reader);
        }

        return (rng, models);
    }

    public void Commit(PythonRandom rng, TModel[] models)
    {
        _rng = rng;
        _models = models;
    }

    /// <summary>River's repr of the wrapped model and the ensemble's own parameters, on one line.</summary>
    public string Describe(string name, string parameters)
    {
        string model = Prototype.ToString();
        if (model.Contains(" | ", StringComparison.Ordinal))
        {
            model = "(" + model + ")";
        }

        string seed = Seed is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None";
        string middle = parameters.Length == 0 ? string.Empty : ", " + parameters;
        return $"{name}(model={model}, n_models={_models.Length}{middle}, seed={seed})";
    }
}
