using Eddy.Base;
using Eddy.Neighbors;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River: <c>ensemble.BaggingRegressor</c>. Oza &amp; Russell (2001), "Online bagging and boosting": each member
/// learns every example k times, k ~ Poisson(1) drawn from the ensemble's <c>random.Random(seed)</c>; the prediction
/// is <c>statistics.mean</c> of the members' predictions (an exact sum rounded once).
/// </summary>
/// <remarks>
/// The members are fresh clones of <see cref="Model"/>, which itself never learns. Every input is validated before
/// any draw or member update; only an update that would overflow inside a later member
/// (<see cref="NonFiniteUpdateException"/>) can leave earlier members having learned.
/// </remarks>
public sealed class BaggingRegressor : Regressor
{
    private const byte StateVersion = 1;
    private const int StackLimit = 64;
    private readonly EnsembleMembers<Regressor> _members;

    /// <param name="model">The regressor to bag (cloned; never trained itself).</param>
    /// <param name="nModels">Number of members (River requires at least 2).</param>
    /// <param name="seed">Seed of River's <c>random.Random</c>; null (River's None) draws one from entropy.</param>
    public BaggingRegressor(Regressor model, int nModels = 10, long? seed = null)
    {
        _members = new EnsembleMembers<Regressor>(model, nModels, seed);
    }

    public Regressor Model => _members.Prototype;

    public int NModels => _members.Count;

    public long? Seed => _members.Seed;

    /// <summary>The members, live (River's <c>models</c>).</summary>
    public IReadOnlyList<Regressor> Models => _members.Models;

    public override bool AcceptsCategorical => Model.AcceptsCategorical;

    public override void LearnOne(FeatureVector x, double y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateTarget(y);
        _members.ValidateStructure(x);
        for (int i = 0; i < _members.Count; i++)
        {
            Regressor member = _members[i];
            for (int k = _members.Rng.Poisson(1); k > 0; k--)
            {
                member.LearnOne(x, y, w);
            }
        }
    }

    public override double PredictOne(FeatureVector x)
    {
        ValidateInput(x);
        int n = _members.Count;
        Span<double> predictions = n <= StackLimit ? stackalloc double[StackLimit] : new double[n];
        predictions = predictions[..n];
        for (int i = 0; i < n; i++)
        {
            predictions[i] = _members[i].PredictOne(x);
        }

        return PythonStatistics.Mean(predictions);
    }

    public override Estimator CloneFresh() => new BaggingRegressor((Regressor)Model.CloneFresh(), NModels, Seed);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(BaggingRegressor), StateVersion);
        _members.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(BaggingRegressor), StateVersion);
        (PythonRandom rng, Regressor[] models) = _members.Read(reader);
        _members.Commit(rng, models);
    }

    public override string ToString() => _members.Describe(nameof(BaggingRegressor), string.Empty);
}
