using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Trees;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River: <c>ensemble.SRPClassifier</c>. Gomes, Read &amp; Bifet (2019), "Streaming Random Patches for evolving data
/// stream classification": each member learns a random subset of the features ("subspaces"), Poisson(λ) copies of
/// each example ("resampling") or both ("patches"); a drift detector per member swaps in a background model (on a
/// fresh random subspace) grown since the last warning, and votes are weighted by each member's metric.
/// </summary>
/// <remarks>
/// One <see cref="PythonRandom"/> feeds the subspaces, the shuffle that assigns them and the Poisson draws, as
/// River's single <c>random.Random(seed)</c> does. The ensemble is built from the first learned example's features;
/// River builds it on the first call of either <c>predict_proba_one</c> or <c>learn_one</c>, which is the same under
/// progressive validation (predict then learn the same example) and keeps predictions pure here. <c>learn_one</c>'s
/// weight is ignored, as in River. A new subspace larger than the example's features takes all of them (River raises).
/// <c>model</c> defaults to River's <c>HoeffdingTreeClassifier(grace_period=50, delta=0.01)</c>; <c>subspace_size</c>
/// is written as in Python (an int above 2, a float in (0, 1], "sqrt" or "rmsqrt"); <c>disable_detector</c> "drift"
/// turns off detection and background learners, "warning" only the background learners (a drift resets the member).
/// </remarks>
public sealed class SRPClassifier : Classifier
{
    private const byte StateVersion = 2;
    private readonly long? _seed;
    private readonly ClassificationMetric _metric;
    private readonly DriftDetector _driftDetector;
    private readonly DriftDetector _warningDetector;
    private PythonRandom _rng;
    private long _samplesSeen;
    private string _trainingMethod;
    private List<SRPClassifierMember> _members = [];

    public SRPClassifier(
        Classifier? model = null,
        int nModels = 10,
        string subspaceSize = "0.6",
        string trainingMethod = "patches",
        double lam = 6.0,
        DriftDetector? driftDetector = null,
        DriftDetector? warningDetector = null,
        string disableDetector = "off",
        bool disableWeightedVote = false,
        long? seed = null,
        ClassificationMetric? metric = null)
    {
        SRPOptions.Validate(nModels, subspaceSize, trainingMethod, lam, disableDetector);
        Model = model ?? new HoeffdingTreeClassifier(gracePeriod: 50, delta: 0.01);
        NModels = nModels;
        SubspaceSize = subspaceSize;
        TrainingMethod = trainingMethod;
        Lam = lam;
        _driftDetector = driftDetector ?? new ADWIN(delta: 1e-5);
        _warningDetector = warningDetector ?? new ADWIN(delta: 1e-4);
        DisableDetector = disableDetector;
        DisableWeightedVote = disableWeightedVote;
        _seed = seed;
        _metric = metric ?? new Accuracy();
        _rng = PythonRandom.Create(seed);
        _trainingMethod = trainingMethod;
    }

    public Classifier Model { get; }

    public int NModels { get; }

    public string SubspaceSize { get; }

    public string TrainingMethod { get; }

    public double Lam { get; }

    public string DisableDetector { get; }

    public bool DisableWeightedVote { get; }

    public override bool AcceptsCategorical => Model.AcceptsCategorical;

    /// <summary>Drifts detected per member (River's <c>n_drifts_detected</c>).</summary>
    public IReadOnlyList<int> DriftCounts => _members.Select(m => m.DriftCount).ToArray();

    /// <summary>Warnings detected per member (River's <c>n_warnings_detected</c>).</summary>
    public IReadOnlyList<int> WarningCounts => _members.Select(m => m.WarningCount).ToArray();

    /// <summary>Each member's subspace as feature names in River's order; null for a member that sees every feature.</summary>
    public IReadOnlyList<IReadOnlyList<string>?> Subspaces(FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return _members.Select(m => m.Features?.Select(schema.NameOf).ToArray()).ToArray();
    }

    public override void ValidateLabel(Label y) => Model.ValidateLabel(y);

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        Model.ValidateLabel(y);
        if (!double.IsFinite(w) || w < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "Must be finite and non-negative.");
        }

        ValidateStructure(x);
        _samplesSeen++;
        if (_members.Count == 0)
        {
            InitEnsemble(x);
        }

        foreach (SRPClassifierMember member in _members)
        {
            Label prediction = member.Predict(x);
            if (!prediction.IsNone)
            {
                member.Metric.Update(y, prediction);
            }

            int k = SRPOptions.Weight(_trainingMethod, Lam, _rng);
            if (k > 0)
            {
                member.Learn(x, y, k, _rng);
            }
        }
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        output.Clear();
        if (_members.Count == 0)
        {
            return false;
        }

        ClassProbabilities votes = ScratchPool.RentProbabilities();
        try
        {
            foreach (SRPClassifierMember member in _members)
            {
                if (!member.PredictProba(x, votes))
                {
                    continue;
                }

                WeightedVote.Add(output, votes, member.Metric.Value, DisableWeightedVote);
            }
        }
        finally
        {
            ScratchPool.Return(votes);
        }

        return WeightedVote.Normalize(output);
    }

    public override Estimator CloneFresh() => new SRPClassifier(
        (Classifier)Model.CloneFresh(), NModels, SubspaceSize, TrainingMethod, Lam, _driftDetector.CloneFresh(), _warningDetector.CloneFresh(),
        DisableDetector, DisableWeightedVote, _seed, (ClassificationMetric)_metric.CloneFresh());

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(SRPClassifier), StateVersion);
        SRPOptions.WriteState(writer, _rng, _samplesSeen, _trainingMethod, _members.Count);
        foreach (SRPClassifierMember member in _members)
        {
            member.WriteState(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        // Version 1 did not store a background learner's metric.
        byte version = reader.ReadHeader(nameof(SRPClassifier), StateVersion);
        (PythonRandom rng, long samplesSeen, string method, int count) = SRPOptions.ReadState(reader, TrainingMethod, NModels);
        var members = new List<SRPClassifierMember>(count);
        for (int i = 0; i < count; i++)
        {
            members.Add(SRPClassifierMember.Read(reader, () => (Classifier)Model.CloneFresh(), NewMetric(), NewDrift(), NewWarning(), version >= 2));
        }

        _rng = rng;
        _samplesSeen = samplesSeen;
        _trainingMethod = method;
        _members = members;
    }

    public override string ToString() =>
        $"SRPClassifier({SRPOptions.Repr(Model, NModels, SubspaceSize, TrainingMethod, Lam, _driftDetector, _warningDetector, DisableDetector, DisableWeightedVote)}, "
        + $"seed={SRPOptions.Seed(_seed)}, metric={_metric.Name})";

    /// <summary>River's <c>_init_ensemble</c>: subspaces from the first example's features, shuffled onto the members.</summary>
    private void InitEnsemble(FeatureVector x)
    {
        int[]?[] subspaces = SRPOptions.Subspaces(x, SubspaceSize, NModels, ref _trainingMethod, _rng);
        var members = new List<SRPClassifierMember>(NModels);
        for (int i = 0; i < NModels; i++)
        {
            members.Add(new SRPClassifierMember((Classifier)Model.CloneFresh(), subspaces[i], NewMetric(), NewDrift(), NewWarning()));
        }

        _members = members;
    }

    /// <summary>A categorical example takes a pure dry run through the base model, which alone decides what it accepts.</summary>
    private void ValidateStructure(FeatureVector x)
    {
        if (!x.HasCategorical)
        {
            return;
        }

        ClassProbabilities scratch = ScratchPool.RentProbabilities();
        try
        {
            Model.PredictProbaOne(x, scratch);
        }
        finally
        {
            ScratchPool.Return(scratch);
        }
    }

    private ClassificationMetric NewMetric() => (ClassificationMetric)_metric.CloneFresh();

    private DriftDetector? NewDrift() => SRPOptions.NewDrift(DisableDetector, _driftDetector);

    private DriftDetector? NewWarning() => SRPOptions.NewWarning(DisableDetector, _warningDetector);
}
