using System.Globalization;
using Eddy.Base;
using Eddy.Drift;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Trees.Splitters;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River: <c>forest.ARFRegressor</c> (<c>AdaptiveRandomForestRegressor</c> before 0.15). Hoeffding tree regressors
/// whose leaves watch random feature subsets, trained on Poisson(λ) weights; each tree's error, min-max normalized over
/// mean ± 3σ, feeds a warning detector that starts a background tree and a drift detector that swaps it in.
/// Predictions are the median (or the mean, optionally metric-weighted) of the trees'. Gomes et al. (2018),
/// "Adaptive random forests for data stream regression".
/// </summary>
/// <remarks>
/// Built like <see cref="ARFClassifier"/>: one <see cref="PythonRandom"/> feeds the Poisson draws and every leaf's
/// feature sample, as River's single <c>random.Random(seed)</c> does; <c>learn_one</c>'s weight is ignored, as in River;
/// the detectors cannot be disabled. As in River, <c>min_samples_split</c> is kept but not passed on to the trees.
/// Only an overflow inside a tree (<see cref="NonFiniteUpdateException"/>) can leave earlier trees having learned.
/// </remarks>
public sealed class ARFRegressor : Regressor
{
    private const byte StateVersion = 1;
    private const int StackLimit = 64;
    private static readonly string[] s_aggregations = ["mean", "median"];
    private readonly long? _seed;
    private readonly RegressionMetric _metric;
    private readonly DriftDetector _driftDetector;
    private readonly DriftDetector _warningDetector;
    private PythonRandom _rng;
    private int _maxFeatures;
    private long _samplesSeen;
    private List<ARFRegressorMember> _members = [];

    public ARFRegressor(
        int nModels = 10,
        string? maxFeatures = "sqrt",
        string aggregationMethod = "median",
        int lambdaValue = 6,
        RegressionMetric? metric = null,
        bool disableWeightedVote = true,
        DriftDetector? driftDetector = null,
        DriftDetector? warningDetector = null,
        int gracePeriod = 50,
        int? maxDepth = null,
        double delta = 0.01,
        double tau = 0.05,
        string leafPrediction = "adaptive",
        Regressor? leafModel = null,
        double modelSelectorDecay = 0.95,
        IEnumerable<string>? nominalAttributes = null,
        Splitter? splitter = null,
        int minSamplesSplit = 5,
        bool binarySplit = false,
        double maxSize = 500.0,
        long memoryEstimatePeriod = 2_000_000,
        bool stopMemManagement = false,
        bool removePoorAttrs = false,
        bool meritPreprune = true,
        long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nModels, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(lambdaValue);
        ArgumentOutOfRangeException.ThrowIfNegative(minSamplesSplit);
        ForestFeatures.Validate(maxFeatures, nameof(maxFeatures));
        if (!s_aggregations.Contains(aggregationMethod))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregationMethod), aggregationMethod, "Valid options: mean, median.");
        }

        NModels = nModels;
        MaxFeaturesOption = maxFeatures;
        AggregationMethod = aggregationMethod;
        LambdaValue = lambdaValue;
        _metric = metric ?? new Mse();
        DisableWeightedVote = disableWeightedVote;
        _driftDetector = driftDetector ?? new ADWIN(delta: 0.001);
        _warningDetector = warningDetector ?? new ADWIN(delta: 0.01);
        GracePeriod = gracePeriod;
        MaxDepth = maxDepth;
        Delta = delta;
        Tau = tau;
        LeafPrediction = leafPrediction;
        LeafModel = leafModel ?? new LinearRegression();
        ModelSelectorDecay = modelSelectorDecay;
        NominalAttributes = nominalAttributes?.ToArray();
        Splitter = splitter ?? new TEBSTSplitter(digits: 1);
        MinSamplesSplit = minSamplesSplit;
        BinarySplit = binarySplit;
        MaxSize = maxSize;
        MemoryEstimatePeriod = memoryEstimatePeriod;
        StopMemManagement = stopMemManagement;
        RemovePoorAttrs = removePoorAttrs;
        MeritPreprune = meritPreprune;
        _seed = seed;
        _rng = PythonRandom.Create(seed);

        // The tree parameters are checked once here rather than on the first example.
        _ = new ARFTreeRegressor(this, 1, _rng);
    }

    public int NModels { get; }

    public string? MaxFeaturesOption { get; }

    public string AggregationMethod { get; }

    public int LambdaValue { get; }

    public bool DisableWeightedVote { get; }

    public int GracePeriod { get; }

    public int? MaxDepth { get; }

    public double Delta { get; }

    public double Tau { get; }

    public string LeafPrediction { get; }

    /// <summary>The template each tree's leaves copy (never trained itself).</summary>
    public Regressor LeafModel { get; }

    public double ModelSelectorDecay { get; }

    public IReadOnlyList<string>? NominalAttributes { get; }

    public Splitter Splitter { get; }

    public int MinSamplesSplit { get; }

    public bool BinarySplit { get; }

    public double MaxSize { get; }

    public long MemoryEstimatePeriod { get; }

    public bool StopMemManagement { get; }

    public bool RemovePoorAttrs { get; }

    public bool MeritPreprune { get; }

    public override bool AcceptsCategorical => LeafPrediction == "mean";

    /// <summary>Drifts detected per tree slot (River's <c>n_drifts_detected</c>).</summary>
    public IReadOnlyList<int> DriftCounts => _members.Select(m => m.DriftCount).ToArray();

    /// <summary>Warnings detected per tree slot (River's <c>n_warnings_detected</c>).</summary>
    public IReadOnlyList<int> WarningCounts => _members.Select(m => m.WarningCount).ToArray();

    /// <summary>Eddy's byte estimate of the live trees (see TreeSettings), plus the generator and members.</summary>
    public long EstimateBytes()
    {
        long bytes = 256 + 2560;
        foreach (ARFRegressorMember member in _members)
        {
            bytes += member.EstimateBytes();
        }

        return bytes;
    }

    public override void LearnOne(FeatureVector x, double y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateTarget(y);
        if (!double.IsFinite(w) || w < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "Must be finite and non-negative.");
        }

        if (_members.Count == 0)
        {
            _maxFeatures = ForestFeatures.Resolve(MaxFeaturesOption, x.Count);
            var members = new List<ARFRegressorMember>(NModels);
            for (int i = 0; i < NModels; i++)
            {
                members.Add(NewMember());
            }

            _members = members;
        }

        _samplesSeen++;
        foreach (ARFRegressorMember member in _members)
        {
            member.Metric.Update(y, member.Model.PredictOne(x));
            int k = _rng.Poisson(LambdaValue);
            if (k > 0)
            {
                member.Learn(x, y, k);
            }
        }
    }

    /// <summary>River's <c>predict_one</c>: 0 before the first example, else the median or (weighted) mean.</summary>
    public override double PredictOne(FeatureVector x)
    {
        ValidateInput(x);
        int n = _members.Count;
        if (n == 0)
        {
            return 0.0;
        }

        Span<double> predictions = n <= StackLimit ? stackalloc double[StackLimit] : new double[n];
        predictions = predictions[..n];
        for (int i = 0; i < n; i++)
        {
            predictions[i] = _members[i].Model.PredictOne(x);
        }

        if (AggregationMethod == "median")
        {
            return ForestAggregation.Median(predictions);
        }

        if (!DisableWeightedVote)
        {
            Weigh(predictions);
        }

        return ForestAggregation.Mean(predictions);
    }

    public override Estimator CloneFresh() => new ARFRegressor(
        NModels, MaxFeaturesOption, AggregationMethod, LambdaValue, (RegressionMetric)_metric.CloneFresh(), DisableWeightedVote,
        _driftDetector.CloneFresh(), _warningDetector.CloneFresh(), GracePeriod, MaxDepth, Delta, Tau, LeafPrediction,
        (Regressor)LeafModel.CloneFresh(), ModelSelectorDecay, NominalAttributes, Splitter.CloneFresh(), MinSamplesSplit, BinarySplit,
        MaxSize, MemoryEstimatePeriod, StopMemManagement, RemovePoorAttrs, MeritPreprune, _seed);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(ARFRegressor), StateVersion);
        _rng.WriteState(writer);
        writer.WriteInt32(_maxFeatures);
        writer.WriteInt64(_samplesSeen);
        writer.WriteInt32(_members.Count);
        foreach (ARFRegressorMember member in _members)
        {
            member.WriteState(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(ARFRegressor), StateVersion);
        PythonRandom rng = PythonRandom.ReadState(reader);
        int maxFeatures = reader.ReadInt32();
        long samplesSeen = reader.ReadInt64();
        int count = reader.ReadCount();
        StateReader.Require(count == 0 || (count == NModels && maxFeatures > 0), "An ARF state with the wrong number of trees.");
        StateReader.Require(samplesSeen >= 0, "Negative example count.");
        var template = new ARFTreeRegressor(this, maxFeatures, rng);
        var members = new List<ARFRegressorMember>(count);
        for (int i = 0; i < count; i++)
        {
            members.Add(ARFRegressorMember.Read(
                reader, template, (RegressionMetric)_metric.CloneFresh(), _driftDetector.CloneFresh(), _warningDetector.CloneFresh()));
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
            $"ARFRegressor(n_models={NModels}, max_features={ForestFeatures.Repr(MaxFeaturesOption)}, aggregation_method='{AggregationMethod}', "
            + $"lambda_value={LambdaValue}, metric={_metric.Name}, disable_weighted_vote={Bool(DisableWeightedVote)}, "
            + $"drift_detector={_driftDetector}, warning_detector={_warningDetector}, grace_period={GracePeriod}, "
            + $"max_depth={(MaxDepth is { } d ? d.ToString(CultureInfo.InvariantCulture) : "None")}, delta={Repr(Delta)}, tau={Repr(Tau)}, "
            + $"leaf_prediction='{LeafPrediction}', leaf_model={LeafModel}, model_selector_decay={Repr(ModelSelectorDecay)}, "
            + $"nominal_attributes={nominal}, splitter={Splitter}, min_samples_split={MinSamplesSplit}, binary_split={Bool(BinarySplit)}, "
            + $"max_size={Repr(MaxSize)}, memory_estimate_period={MemoryEstimatePeriod}, stop_mem_management={Bool(StopMemManagement)}, "
            + $"remove_poor_attrs={Bool(RemovePoorAttrs)}, merit_preprune={Bool(MeritPreprune)}, seed={(_seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "None")})");
    }

    private static string Repr(double value) => Trees.HoeffdingTreeClassifier.Repr(value);

    private static string Bool(bool value) => Trees.HoeffdingTreeClassifier.Bool(value);

    /// <summary>River's weighted mean: weights sum − metric (a bigger error weighs less), normalized, times the predictions.</summary>
    private void Weigh(Span<double> predictions)
    {
        int n = predictions.Length;
        Span<double> weights = n <= StackLimit ? stackalloc double[StackLimit] : new double[n];
        weights = weights[..n];
        double sumWeights = 0.0;
        for (int i = 0; i < n; i++)
        {
            weights[i] = _members[i].Metric.Value;
            sumWeights += weights[i];
        }

        if (sumWeights == 0)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            weights[i] = sumWeights - weights[i];
        }

        double total = ForestAggregation.Sum(weights);
        for (int i = 0; i < n; i++)
        {
            predictions[i] *= weights[i] / total;
        }
    }

    private ARFRegressorMember NewMember() => new(
        new ARFTreeRegressor(this, _maxFeatures, _rng), (RegressionMetric)_metric.CloneFresh(), _driftDetector.CloneFresh(), _warningDetector.CloneFresh());
}
