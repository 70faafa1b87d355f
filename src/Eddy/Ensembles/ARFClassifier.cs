using System.Globalization;
using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Trees;
using Eddy.Trees.Splitters;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River: <c>forest.ARFClassifier</c> (<c>ensemble.AdaptiveRandomForestClassifier</c> in 0.12.1). Hoeffding trees
/// whose leaves watch random feature subsets, trained on Poisson(λ) weights, each with a drift detector that swaps
/// in a background tree grown since the last warning; votes are weighted by each tree's metric.
/// Gomes et al. (2017), "Adaptive random forests for evolving data stream classification".
/// </summary>
/// <remarks>
/// One <see cref="PythonRandom"/> feeds the Poisson draws and every leaf's feature sample, as River's single
/// <c>random.Random(seed)</c> does. <c>learn_one</c>'s weight is ignored, as in River. The detectors cannot be
/// disabled (River's <c>None</c>).
/// </remarks>
public sealed class ARFClassifier : Classifier
{
    private const byte StateVersion = 1;

    // River's metrics take a tree's None prediction as one more class, never the true one.
    private static readonly Label s_noPrediction = Label.FromText("\u0000None");
    private readonly long? _seed;
    private readonly MultiClassMetric _metric;
    private readonly DriftDetector _driftDetector;
    private readonly DriftDetector _warningDetector;

    // River's poisson(lambda_value) computes exp(-lambda) on every draw; it depends on the parameter only.
    private readonly double _poissonLimit;

    // Learn-only scratch (never read by predictions, never in the state): one member's walk and leaf votes.
    private readonly LeafPath _path = new();
    private PythonRandom _rng;
    private int _maxFeatures;
    private long _samplesSeen;
    private List<ARFClassifierMember> _members = [];

    public ARFClassifier(
        int nModels = 10,
        string? maxFeatures = "sqrt",
        int lambdaValue = 6,
        MultiClassMetric? metric = null,
        bool disableWeightedVote = false,
        DriftDetector? driftDetector = null,
        DriftDetector? warningDetector = null,
        int gracePeriod = 50,
        int? maxDepth = null,
        string splitCriterion = "info_gain",
        double delta = 0.01,
        double tau = 0.05,
        string leafPrediction = "nba",
        double nbThreshold = 0,
        IEnumerable<string>? nominalAttributes = null,
        Splitter? splitter = null,
        bool binarySplit = false,
        double maxSize = 100.0,
        long memoryEstimatePeriod = 2_000_000,
        bool stopMemManagement = false,
        bool removePoorAttrs = false,
        bool meritPreprune = true,
        long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nModels, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(lambdaValue);
        ForestFeatures.Validate(maxFeatures, nameof(maxFeatures));
        NModels = nModels;
        MaxFeaturesOption = maxFeatures;
        LambdaValue = lambdaValue;
        _poissonLimit = Math.Exp(-(double)lambdaValue);
        _metric = metric ?? new Accuracy();
        DisableWeightedVote = disableWeightedVote;
        _driftDetector = driftDetector ?? new ADWIN(delta: 0.001);
        _warningDetector = warningDetector ?? new ADWIN(delta: 0.01);
        GracePeriod = gracePeriod;
        MaxDepth = maxDepth;
        SplitCriterion = splitCriterion;
        Delta = delta;
        Tau = tau;
        LeafPrediction = leafPrediction;
        NbThreshold = nbThreshold;
        NominalAttributes = nominalAttributes?.ToArray();
        Splitter = splitter ?? new GaussianSplitter();
        BinarySplit = binarySplit;
        MaxSize = maxSize;
        MemoryEstimatePeriod = memoryEstimatePeriod;
        StopMemManagement = stopMemManagement;
        RemovePoorAttrs = removePoorAttrs;
        MeritPreprune = meritPreprune;
        _seed = seed;
        _rng = PythonRandom.Create(seed);

        // The tree parameters are checked once here rather than on the first example.
        _ = new ARFTreeClassifier(this, 1, _rng);
    }

    public int NModels { get; }

    public string? MaxFeaturesOption { get; }

    public int LambdaValue { get; }

    public bool DisableWeightedVote { get; }

    public int GracePeriod { get; }

    public int? MaxDepth { get; }

    public string SplitCriterion { get; }

    public double Delta { get; }

    public double Tau { get; }

    public string LeafPrediction { get; }

    public double NbThreshold { get; }

    public IReadOnlyList<string>? NominalAttributes { get; }

    public Splitter Splitter { get; }

    public bool BinarySplit { get; }

    public double MaxSize { get; }

    public long MemoryEstimatePeriod { get; }

    public bool StopMemManagement { get; }

    public bool RemovePoorAttrs { get; }

    public bool MeritPreprune { get; }

    public override bool AcceptsCategorical => true;

    /// <summary>Drifts detected per tree slot (River's <c>n_drifts_detected</c>).</summary>
    public IReadOnlyList<int> DriftCounts => _members.Select(m => m.DriftCount).ToArray();

    /// <summary>Warnings detected per tree slot (River's <c>n_warnings_detected</c>).</summary>
    public IReadOnlyList<int> WarningCounts => _members.Select(m => m.WarningCount).ToArray();

    /// <summary>Eddy's byte estimate of the live trees (see TreeSettings), plus the generator and members.</summary>
    public long EstimateBytes()
    {
        long bytes = 256 + 2560;
        foreach (ARFClassifierMember member in _members)
        {
            bytes += member.EstimateBytes();
        }

        return bytes;
    }

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateLabel(y);
        if (!double.IsFinite(w) || w < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "Must be finite and non-negative.");
        }

        if (_members.Count == 0)
        {
            _maxFeatures = ForestFeatures.Resolve(MaxFeaturesOption, x.Count);
            var members = new List<ARFClassifierMember>(NModels);
            for (int i = 0; i < NModels; i++)
            {
                members.Add(NewMember());
            }

            _members = members;
        }

        _samplesSeen++;
        foreach (ARFClassifierMember member in _members)
        {
            Label prediction = member.Model.PredictBeforeLearning(x, _path);
            member.Metric.Update(y, prediction == Label.None ? s_noPrediction : prediction);
            int k = _rng.PoissonBelow(_poissonLimit);
            if (k > 0)
            {
                member.Learn(x, y, k, _path);
            }
        }

        _path.Clear();
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

        ClassProbabilities tree = ScratchPool.RentProbabilities();
        try
        {
            foreach (ARFClassifierMember member in _members)
            {
                if (!member.Model.PredictProbaOne(x, tree))
                {
                    continue;
                }

                WeightedVote.Add(output, tree, member.Metric.Value, DisableWeightedVote);
            }
        }
        finally
        {
            ScratchPool.Return(tree);
        }

        return WeightedVote.Normalize(output);
    }

    public override Estimator CloneFresh() => new ARFClassifier(
        NModels, MaxFeaturesOption, LambdaValue, (MultiClassMetric)_metric.CloneFresh(), DisableWeightedVote, _driftDetector.CloneFresh(),
        _warningDetector.CloneFresh(), GracePeriod, MaxDepth, SplitCriterion, Delta, Tau, LeafPrediction, NbThreshold, NominalAttributes,
        Splitter.CloneFresh(), BinarySplit, MaxSize, MemoryEstimatePeriod, StopMemManagement, RemovePoorAttrs, MeritPreprune, _seed);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(ARFClassifier), StateVersion);
        _rng.WriteState(writer);
        writer.WriteInt32(_maxFeatures);
        writer.WriteInt64(_samplesSeen);
        writer.WriteInt32(_members.Count);
        foreach (ARFClassifierMember member in _members)
        {
            member.WriteState(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(ARFClassifier), StateVersion);
        PythonRandom rng = PythonRandom.ReadState(reader);
        int maxFeatures = reader.ReadInt32();
        long samplesSeen = reader.ReadInt64();
        int count = reader.ReadCount();
        StateReader.Require(count == 0 || (count == NModels && maxFeatures > 0), "An ARF state with the wrong number of trees.");
        StateReader.Require(samplesSeen >= 0, "Negative example count.");
        var template = new ARFTreeClassifier(this, maxFeatures, rng);
        var members = new List<ARFClassifierMember>(count);
        for (int i = 0; i < count; i++)
        {
            members.Add(ARFClassifierMember.Read(
                reader, template, (ClassificationMetric)_metric.CloneFresh(), _driftDetector.CloneFresh(), _warningDetector.CloneFresh()));
        }

        _rng = rng;
        _maxFeatures = maxFeatures;
        _samplesSeen = samplesSeen;
        _members = members;
    }

    public override string ToString()
    {
        string nominal = NominalAttributes is null ? "None" : "[" + string.Join(", ", NominalAttributes.Select(n => $"'{n}'")) + "]";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"ARFClassifier(n_models={NModels}, max_features={ForestFeatures.Repr(MaxFeaturesOption)}, lambda_value={LambdaValue}, "
            + $"metric={_metric.Name}, disable_weighted_vote={Bool(DisableWeightedVote)}, drift_detector={_driftDetector}, "
            + $"warning_detector={_warningDetector}, grace_period={GracePeriod}, max_depth={(MaxDepth is { } d ? d.ToString(CultureInfo.InvariantCulture) : "None")}, "
            + $"split_criterion='{SplitCriterion}', delta={Repr(Delta)}, tau={Repr(Tau)}, leaf_prediction='{LeafPrediction}', "
            + $"nb_threshold={Repr(NbThreshold)}, nominal_attributes={nominal}, splitter={Splitter}, binary_split={Bool(BinarySplit)}, "
            + $"max_size={Repr(MaxSize)}, memory_estimate_period={MemoryEstimatePeriod}, stop_mem_management={Bool(StopMemManagement)}, "
            + $"remove_poor_attrs={Bool(RemovePoorAttrs)}, merit_preprune={Bool(MeritPreprune)}, seed={(_seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "None")})");
    }

    private static string Repr(double value) => Trees.HoeffdingTreeClassifier.Repr(value);

    private static string Bool(bool value) => Trees.HoeffdingTreeClassifier.Bool(value);

    private ARFClassifierMember NewMember() => new(
        new ARFTreeClassifier(this, _maxFeatures, _rng), (ClassificationMetric)_metric.CloneFresh(), _driftDetector.CloneFresh(), _warningDetector.CloneFresh());
}
