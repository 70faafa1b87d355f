using Eddy.Base;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River: <c>ensemble.AdaBoostClassifier</c>. Oza &amp; Russell (2001), "Online bagging and boosting": the members
/// learn each example in turn, member i k ~ Poisson(λ) times, where λ starts at 1 and grows after a member errs
/// (shrinks after it is right) by the member's running correct/wrong weights. A member votes with weight
/// <c>log((1 − ε) / ε)</c> of its weighted error ε (1 when ε is 0 or above ½).
/// </summary>
/// <remarks>
/// Draws come from River's <c>random.Random(seed)</c>; the members are fresh clones of <see cref="Model"/>, which
/// itself never learns. Every input is validated before any draw or member update.
/// </remarks>
public sealed class AdaBoostClassifier : Classifier
{
    private const byte StateVersion = 1;
    private readonly EnsembleMembers<Classifier> _members;
    private double[] _correctWeight;
    private double[] _wrongWeight;

    /// <param name="model">The classifier to boost (cloned; never trained itself).</param>
    /// <param name="nModels">Number of members (River requires at least 2).</param>
    /// <param name="seed">Seed of River's <c>random.Random</c>; null (River's None) draws one from entropy.</param>
    public AdaBoostClassifier(Classifier model, int nModels = 10, long? seed = null)
    {
        _members = new EnsembleMembers<Classifier>(model, nModels, seed);
        _correctWeight = new double[nModels];
        _wrongWeight = new double[nModels];
    }

    public Classifier Model => _members.Prototype;

    public int NModels => _members.Count;

    public long? Seed => _members.Seed;

    /// <summary>The members, live (River's <c>models</c>).</summary>
    public IReadOnlyList<Classifier> Models => _members.Models;

    /// <summary>River's <c>correct_weight</c>: the λ summed over the examples each member got right.</summary>
    public ReadOnlySpan<double> CorrectWeight => _correctWeight;

    /// <summary>River's <c>wrong_weight</c>: the λ summed over the examples each member got wrong.</summary>
    public ReadOnlySpan<double> WrongWeight => _wrongWeight;

    public override bool AcceptsCategorical => Model.AcceptsCategorical;

    public override void ValidateLabel(Label y) => Model.ValidateLabel(y);

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        Model.ValidateLabel(y);
        _members.ValidateStructure(x);
        double lambda = 1;
        for (int i = 0; i < _members.Count; i++)
        {
            Classifier member = _members[i];
            for (int k = _members.Rng.Poisson(lambda); k > 0; k--)
            {
                member.LearnOne(x, y, w);
            }

            if (member.PredictOne(x) == y)
            {
                _correctWeight[i] += lambda;
                lambda *= (_correctWeight[i] + _wrongWeight[i]) / (2 * _correctWeight[i]);
            }
            else
            {
                _wrongWeight[i] += lambda;
                lambda *= (_correctWeight[i] + _wrongWeight[i]) / (2 * _wrongWeight[i]);
            }
        }
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        output.Clear();
        ClassProbabilities member = ScratchPool.RentProbabilities();
        try
        {
            for (int i = 0; i < _members.Count; i++)
            {
                double modelWeight = ModelWeight(_correctWeight[i], _wrongWeight[i]);
                if (_members[i].PredictProbaOne(x, member))
                {
                    member.Scale(modelWeight);
                    EnsembleVoting.AddAll(member, output);
                }
            }
        }
        finally
        {
            ScratchPool.Return(member);
        }

        // River's normalize_values_in_dict: scale by 1 / sum unless the sum is 0 or NaN.
        double factor = PythonSum.Of(output.Probabilities);
        if (factor != 0 && !double.IsNaN(factor))
        {
            output.Scale(1 / factor);
        }

        return output.Count > 0;
    }

    private static double ModelWeight(double correct, double wrong)
    {
        double epsilon = wrong + 1e-16;
        epsilon /= correct + wrong + 1e-16;
        if (epsilon == 0 || epsilon > 0.5)
        {
            return 1.0;
        }

        double betaInverse = (1 - epsilon) / epsilon;
        return betaInverse != 0 ? Math.Log(betaInverse) : 0;
    }

    public override Estimator CloneFresh() => new AdaBoostClassifier((Classifier)Model.CloneFresh(), NModels, Seed);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(AdaBoostClassifier), StateVersion);
        _members.WriteState(writer);
        writer.WriteDoubles(_correctWeight);
        writer.WriteDoubles(_wrongWeight);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(AdaBoostClassifier), StateVersion);
        (PythonRandom rng, Classifier[] models) = _members.Read(reader);
        double[] correct = reader.ReadDoubles();
        double[] wrong = reader.ReadDoubles();
        StateReader.Require(correct.Length == models.Length && wrong.Length == models.Length, "AdaBoostClassifier: wrong number of weights.");
        foreach (double value in correct)
        {
            StateReader.Require(double.IsFinite(value) && value >= 0, "AdaBoostClassifier: invalid correct weight.");
        }

        foreach (double value in wrong)
        {
            StateReader.Require(double.IsFinite(value) && value >= 0, "AdaBoostClassifier: invalid wrong weight.");
        }

        _members.Commit(rng, models);
        _correctWeight = correct;
        _wrongWeight = wrong;
    }

    public override string ToString() => _members.Describe(nameof(AdaBoostClassifier), string.Empty);
}
