using Eddy.Base;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River: <c>ensemble.BaggingClassifier</c>. Oza &amp; Russell (2001), "Online bagging and boosting": each member
/// learns every example k times, k ~ Poisson(1) drawn from the ensemble's <c>random.Random(seed)</c>; predictions
/// average the members' class distributions.
/// </summary>
/// <remarks>
/// The members are fresh clones of <see cref="Model"/>, which itself never learns. Every input is validated before
/// any draw or member update; only an update that would overflow inside a later member
/// (<see cref="NonFiniteUpdateException"/>) can leave earlier members having learned.
/// </remarks>
public sealed class BaggingClassifier : Classifier
{
    private const byte StateVersion = 1;
    private readonly EnsembleMembers<Classifier> _members;

    /// <param name="model">The classifier to bag (cloned; never trained itself).</param>
    /// <param name="nModels">Number of members (River requires at least 2).</param>
    /// <param name="seed">Seed of River's <c>random.Random</c>; null (River's None) draws one from entropy.</param>
    public BaggingClassifier(Classifier model, int nModels = 10, long? seed = null)
    {
        _members = new EnsembleMembers<Classifier>(model, nModels, seed);
    }

    public Classifier Model => _members.Prototype;

    public int NModels => _members.Count;

    public long? Seed => _members.Seed;

    /// <summary>The members, live (River's <c>models</c>).</summary>
    public IReadOnlyList<Classifier> Models => _members.Models;

    public override bool AcceptsCategorical => Model.AcceptsCategorical;

    public override void ValidateLabel(Label y) => Model.ValidateLabel(y);

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        Model.ValidateLabel(y);
        _members.ValidateStructure(x);
        for (int i = 0; i < _members.Count; i++)
        {
            Classifier member = _members[i];
            for (int k = _members.Rng.Poisson(1); k > 0; k--)
            {
                member.LearnOne(x, y, w);
            }
        }
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        return EnsembleVoting.Average(_members.Models, x, output);
    }

    public override Estimator CloneFresh() => new BaggingClassifier((Classifier)Model.CloneFresh(), NModels, Seed);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(BaggingClassifier), StateVersion);
        _members.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(BaggingClassifier), StateVersion);
        (PythonRandom rng, Classifier[] models) = _members.Read(reader);
        _members.Commit(rng, models);
    }

    public override string ToString() => _members.Describe(nameof(BaggingClassifier), string.Empty);
}
