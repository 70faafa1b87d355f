using Eddy.Base;
using Eddy.Drift;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River: <c>ensemble.ADWINBaggingClassifier</c>. Bifet et al. (2009), "New ensemble methods for evolving data
/// streams": Oza &amp; Russell's online bagging (k ~ Poisson(1)) with one <see cref="ADWIN"/> per member; when a
/// member's detector reports a drift that raised its estimate, the member with the highest estimate is replaced by a
/// fresh clone of <see cref="Model"/> and a fresh detector.
/// </summary>
/// <remarks>
/// As River's code does (not as its docstring says), each detector is fed <c>int(y_pred == y)</c>, the member's
/// correctness after learning, so the estimate is an accuracy and "highest estimate" picks the most accurate
/// member. A member that cannot predict yet counts as wrong. Predictions average like <see cref="BaggingClassifier"/>.
/// </remarks>
public sealed class ADWINBaggingClassifier : Classifier
{
    private const byte StateVersion = 1;
    private const double DefaultDelta = 0.002;
    private readonly EnsembleMembers<Classifier> _members;
    private ADWIN[] _detectors;

    /// <param name="model">The classifier to bag (cloned; never trained itself).</param>
    /// <param name="nModels">Number of members (River requires at least 2).</param>
    /// <param name="seed">Seed of River's <c>random.Random</c>; null (River's None) draws one from entropy.</param>
    public ADWINBaggingClassifier(Classifier model, int nModels = 10, long? seed = null)
    {
        _members = new EnsembleMembers<Classifier>(model, nModels, seed);
        _detectors = EnsembleDetectors.Create(nModels, DefaultDelta);
    }

    public Classifier Model => _members.Prototype;

    public int NModels => _members.Count;

    public long? Seed => _members.Seed;

    /// <summary>The members, live (River's <c>models</c>).</summary>
    public IReadOnlyList<Classifier> Models => _members.Models;

    /// <summary>Each member's detector, live.</summary>
    public IReadOnlyList<ADWIN> DriftDetectors => _detectors;

    public override bool AcceptsCategorical => Model.AcceptsCategorical;

    public override void ValidateLabel(Label y) => Model.ValidateLabel(y);

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        Model.ValidateLabel(y);
        _members.ValidateStructure(x);
        bool changeDetected = false;
        for (int i = 0; i < _members.Count; i++)
        {
            Classifier member = _members[i];
            for (int k = _members.Rng.Poisson(1); k > 0; k--)
            {
                member.LearnOne(x, y, w);
            }

            changeDetected |= EnsembleDetectors.UpdateAndCheckRise(_detectors[i], member.PredictOne(x) == y ? 1 : 0);
        }

        if (changeDetected)
        {
            int worst = EnsembleDetectors.HighestEstimation(_detectors);
            _members.Reset(worst);
            _detectors[worst] = new ADWIN(DefaultDelta);
        }
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        return EnsembleVoting.Average(_members.Models, x, output);
    }

    public override Estimator CloneFresh() => new ADWINBaggingClassifier((Classifier)Model.CloneFresh(), NModels, Seed);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(ADWINBaggingClassifier), StateVersion);
        _members.WriteState(writer);
        EnsembleDetectors.Write(writer, _detectors);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(ADWINBaggingClassifier), StateVersion);
        (PythonRandom rng, Classifier[] models) = _members.Read(reader);
        ADWIN[] detectors = EnsembleDetectors.Read(reader, models.Length, DefaultDelta);
        _members.Commit(rng, models);
        _detectors = detectors;
    }

    public override string ToString() => _members.Describe(nameof(ADWINBaggingClassifier), string.Empty);
}
