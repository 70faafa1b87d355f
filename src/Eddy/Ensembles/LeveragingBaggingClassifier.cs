using Eddy.Base;
using Eddy.Drift;
using Eddy.Preprocessing;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River: <c>ensemble.LeveragingBaggingClassifier</c>. Bifet, Holmes &amp; Pfahringer (2010), "Leveraging bagging
/// for evolving data streams": online bagging with heavier resampling (k ~ Poisson(w), w = 6) and one
/// <see cref="ADWIN"/> per member on its errors; when a detector reports a rise in error, the member with the
/// highest error estimate is replaced by a fresh clone of <see cref="Model"/>.
/// </summary>
/// <remarks>
/// Draws come from River's <c>random.Random(seed)</c>. River's <c>'me'</c> and <c>'half'</c> methods still call the
/// numpy generator API (<c>rand()</c>, <c>randint(2)</c>) on that <c>random.Random</c> and fail there; Eddy runs them
/// with the intended draws, <c>random()</c> and <c>randrange(2)</c>. Predictions average like
/// <see cref="BaggingClassifier"/>; a member that cannot predict yet does not update its detector.
/// </remarks>
public sealed class LeveragingBaggingClassifier : Classifier
{
    private const byte StateVersion = 1;
    private readonly EnsembleMembers<Classifier> _members;
    private ADWIN[] _detectors;
    private int _nDetectedChanges;

    /// <param name="model">The classifier to bag (cloned; never trained itself).</param>
    /// <param name="nModels">Number of members (River requires at least 2).</param>
    /// <param name="w">Rate of the Poisson resampling weight for <see cref="LeveragingBaggingMethod.Bag"/>.</param>
    /// <param name="adwinDelta">The <c>delta</c> of each member's ADWIN.</param>
    /// <param name="baggingMethod">How many times a member learns each example.</param>
    /// <param name="seed">Seed of River's <c>random.Random</c>; null (River's None) draws one from entropy.</param>
    public LeveragingBaggingClassifier(
        Classifier model,
        int nModels = 10,
        double w = 6,
        double adwinDelta = 0.002,
        LeveragingBaggingMethod baggingMethod = LeveragingBaggingMethod.Bag,
        long? seed = null)
    {
        if (!(double.IsFinite(w) && w > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "w must be positive and finite.");
        }

        if (!(adwinDelta > 0 && adwinDelta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(adwinDelta), adwinDelta, "adwin_delta must be in (0, 1).");
        }

        if (!Enum.IsDefined(baggingMethod))
        {
            throw new ArgumentOutOfRangeException(nameof(baggingMethod), baggingMethod, "Unknown bagging method.");
        }

        _members = new EnsembleMembers<Classifier>(model, nModels, seed);
        W = w;
        AdwinDelta = adwinDelta;
        BaggingMethod = baggingMethod;
        _detectors = EnsembleDetectors.Create(nModels, adwinDelta);
    }

    public Classifier Model => _members.Prototype;

    public int NModels => _members.Count;

    public double W { get; }

    public double AdwinDelta { get; }

    public LeveragingBaggingMethod BaggingMethod { get; }

    public long? Seed => _members.Seed;

    /// <summary>The members, live (River's <c>models</c>).</summary>
    public IReadOnlyList<Classifier> Models => _members.Models;

    /// <summary>Each member's detector, live.</summary>
    public IReadOnlyList<ADWIN> DriftDetectors => _detectors;

    /// <summary>River's <c>n_detected_changes</c>: how many members were replaced.</summary>
    public int NDetectedChanges => _nDetectedChanges;

    public override bool AcceptsCategorical => Model.AcceptsCategorical;

    public override void ValidateLabel(Label y) => Model.ValidateLabel(y);

    /// <summary>River's spelling of a bagging method; throws for an unknown one (River's ValueError).</summary>
    public static LeveragingBaggingMethod ParseMethod(string baggingMethod) => baggingMethod switch
    {
        "bag" => LeveragingBaggingMethod.Bag,
        "me" => LeveragingBaggingMethod.Me,
        "half" => LeveragingBaggingMethod.Half,
        "wt" => LeveragingBaggingMethod.Wt,
        "subag" => LeveragingBaggingMethod.Subag,
        _ => throw new ArgumentOutOfRangeException(
            nameof(baggingMethod), baggingMethod, "Valid options are 'bag', 'me', 'half', 'wt' and 'subag'."),
    };

    public static string MethodName(LeveragingBaggingMethod method) => method switch
    {
        LeveragingBaggingMethod.Me => "me",
        LeveragingBaggingMethod.Half => "half",
        LeveragingBaggingMethod.Wt => "wt",
        LeveragingBaggingMethod.Subag => "subag",
        _ => "bag",
    };

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        Model.ValidateLabel(y);
        _members.ValidateStructure(x);
        bool changeDetected = false;
        for (int i = 0; i < _members.Count; i++)
        {
            Classifier member = _members[i];
            for (int k = Resamples(i, x, y); k > 0; k--)
            {
                member.LearnOne(x, y, w);
            }

            Label predicted = member.PredictOne(x);
            if (predicted.IsNone)
            {
                continue;
            }

            changeDetected |= EnsembleDetectors.UpdateAndCheckRise(_detectors[i], predicted != y ? 1 : 0);
        }

        if (changeDetected)
        {
            _nDetectedChanges++;
            int worst = EnsembleDetectors.HighestEstimation(_detectors);
            _members.Reset(worst);
            _detectors[worst] = new ADWIN(AdwinDelta);
        }
    }

    private int Resamples(int i, FeatureVector x, Label y)
    {
        PythonRandom rng = _members.Rng;
        switch (BaggingMethod)
        {
            case LeveragingBaggingMethod.Me:
                double error = _detectors[i].Estimation;
                if (_members[i].PredictOne(x) != y)
                {
                    return 1;
                }

                return error != 1.0 && rng.NextDouble() < error / (1.0 - error) ? 1 : 0;
            case LeveragingBaggingMethod.Half:
                return rng.RandBelow(2) == 0 ? 1 : 0;
            case LeveragingBaggingMethod.Wt:
                return 1 + rng.Poisson(1);
            case LeveragingBaggingMethod.Subag:
                return rng.Poisson(1) > 0 ? 1 : 0;
            default:
                return rng.Poisson(W);
        }
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        return EnsembleVoting.Average(_members.Models, x, output);
    }

    public override Estimator CloneFresh() =>
        new LeveragingBaggingClassifier((Classifier)Model.CloneFresh(), NModels, W, AdwinDelta, BaggingMethod, Seed);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(LeveragingBaggingClassifier), StateVersion);
        _members.WriteState(writer);
        EnsembleDetectors.Write(writer, _detectors);
        writer.WriteInt32(_nDetectedChanges);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(LeveragingBaggingClassifier), StateVersion);
        (PythonRandom rng, Classifier[] models) = _members.Read(reader);
        ADWIN[] detectors = EnsembleDetectors.Read(reader, models.Length, AdwinDelta);
        int changes = reader.ReadInt32();
        StateReader.Require(changes >= 0, "LeveragingBaggingClassifier: negative change count.");
        _members.Commit(rng, models);
        _detectors = detectors;
        _nDetectedChanges = changes;
    }

    public override string ToString() => _members.Describe(
        nameof(LeveragingBaggingClassifier),
        $"w={PythonFloat.Repr(W)}, adwin_delta={PythonFloat.Repr(AdwinDelta)}, bagging_method='{MethodName(BaggingMethod)}'");
}
