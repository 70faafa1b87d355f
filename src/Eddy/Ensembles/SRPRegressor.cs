using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Trees;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River: <c>ensemble.SRPRegressor</c>. Gomes, Montiel, Mastelini, Pfahringer &amp; Bifet (2020), "On ensemble
/// techniques for data stream regression": Streaming Random Patches for regression. Each member learns a random
/// feature subspace, Poisson(λ) copies of each example, or both; its drift detector swaps in a background model grown
/// since the last warning; predictions are the mean (optionally weighted by each member's metric) or the median.
/// </summary>
/// <remarks>
/// Built like <see cref="SRPClassifier"/>: one <see cref="PythonRandom"/> feeds the subspaces, their shuffle and the
/// Poisson draws. <c>learn_one</c>'s weight is ignored, as in River. The aggregation uses numpy's reductions
/// (<c>np.average</c>, <c>np.median</c>), and 0 before the first example. <c>model</c> defaults to River's
/// <c>HoeffdingTreeRegressor(grace_period=50, delta=0.01)</c>, <c>metric</c> to MAE (smaller is better, so weights
/// are the largest member error minus each member's). <c>drift_detection_criteria</c> "error" has the detectors watch
/// each member's absolute error, "prediction" its predictions. River's own members never receive the criterion (its
/// <c>_init_ensemble</c> does not pass it on), so River's detectors always watch predictions whatever is asked; Eddy
/// honours the parameter, and "prediction" gives River's behaviour. River's docstring run fires no detector, so both
/// criteria reproduce its R2.
/// </remarks>
public sealed class SRPRegressor : Regressor
{
    private const byte StateVersion = 1;
    private const int StackLimit = 64;
    private static readonly string[] s_aggregations = ["mean", "median"];
    private static readonly string[] s_criteria = ["error", "prediction"];
    private readonly long? _seed;
    private readonly RegressionMetric _metric;
    private readonly DriftDetector _driftDetector;
    private readonly DriftDetector _warningDetector;
    private PythonRandom _rng;
    private long _samplesSeen;
    private string _trainingMethod;
    private List<SRPRegressorMember> _members = [];

    public SRPRegressor(
        Regressor? model = null,
        int nModels = 10,
        string subspaceSize = "0.6",
        string trainingMethod = "patches",
        double lam = 6.0,
        DriftDetector? driftDetector = null,
        DriftDetector? warningDetector = null,
        string disableDetector = "off",
        bool disableWeightedVote = true,
        string driftDetectionCriteria = "error",
        string aggregationMethod = "mean",
        long? seed = null,
        RegressionMetric? metric = null)
    {
        SRPOptions.Validate(nModels, subspaceSize, trainingMethod, lam, disableDetector);
        if (!s_aggregations.Contains(aggregationMethod))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregationMethod), aggregationMethod, "Valid options: mean, median.");
        }

        if (!s_criteria.Contains(driftDetectionCriteria))
        {
            throw new ArgumentOutOfRangeException(nameof(driftDetectionCriteria), driftDetectionCriteria, "Valid options: error, prediction.");
        }

        Model = model ?? new HoeffdingTreeRegressor(gracePeriod: 50, delta: 0.01);
        NModels = nModels;
        SubspaceSize = subspaceSize;
        TrainingMethod = trainingMethod;
        Lam = lam;
        _driftDetector = driftDetector ?? new ADWIN(delta: 1e-5);
        _warningDetector = warningDetector ?? new ADWIN(delta: 1e-4);
        DisableDetector = disableDetector;
        DisableWeightedVote = disableWeightedVote;
        DriftDetectionCriteria = driftDetectionCriteria;
        AggregationMethod = aggregationMethod;
        _seed = seed;
        _metric = metric ?? new Mae();
        _rng = PythonRandom.Create(seed);
        _trainingMethod = trainingMethod;
    }

    public Regressor Model { get; }

    public int NModels { get; }

    public string SubspaceSize { get; }

    public string TrainingMethod { get; }

    public double Lam { get; }

    public string DisableDetector { get; }

    public bool DisableWeightedVote { get; }

    public string DriftDetectionCriteria { get; }

    public string AggregationMethod { get; }

    public override bool AcceptsCategorical => Model.AcceptsCategorical;

    /// <summary>Drifts detected per member (River's <c>n_drifts_detected</c>).</summary>
    public IReadOnlyList<int> DriftCounts => _members.Select(m => m.DriftCount).ToArray();

    /// <summary>Warnings detected per member (River's <c>n_warnings_detected</c>).</summary>
    public IReadOnlyList<int> WarningCounts => _members.Select(m => m.WarningCount).ToArray();

    internal IReadOnlyList<SRPRegressorMember> Members => _members;

    /// <summary>Each member's subspace as feature names in River's order; null for a member that sees every feature.</summary>
    public IReadOnlyList<IReadOnlyList<string>?> Subspaces(FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return _members.Select(m => m.Features?.Select(schema.NameOf).ToArray()).ToArray();
    }

    public override void LearnOne(FeatureVector x, double y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateTarget(y);
        if (!double.IsFinite(w) || w < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "Must be finite and non-negative.");
        }

        if (x.HasCategorical)
        {
            // A pure dry run: the base model alone decides which categorical input it accepts.
            Model.PredictOne(x);
        }

        _samplesSeen++;
        if (_members.Count == 0)
        {
            int[]?[] subspaces = SRPOptions.Subspaces(x, SubspaceSize, NModels, ref _trainingMethod, _rng);
            var members = new List<SRPRegressorMember>(NModels);
            for (int i = 0; i < NModels; i++)
            {
                members.Add(NewMember(subspaces[i]));
            }

            _members = members;
        }

        foreach (SRPRegressorMember member in _members)
        {
            member.Metric.Update(y, member.Predict(x));
            int k = SRPOptions.Weight(_trainingMethod, Lam, _rng);
            if (k > 0)
            {
                member.Learn(x, y, k, _rng);
            }
        }
    }

    /// <summary>River's <c>predict_one</c>: the median or the (weighted) mean of the members' predictions.</summary>
    public override double PredictOne(FeatureVector x)
    {
        ValidateInput(x);
        int n = _members.Count;
        if (n == 0)
        {
            // River averages n_models zeros.
            return 0.0;
        }

        Span<double> predictions = n <= StackLimit ? stackalloc double[StackLimit] : new double[n];
        predictions = predictions[..n];
        for (int i = 0; i < n; i++)
        {
            predictions[i] = _members[i].Predict(x);
        }

        if (AggregationMethod == "median")
        {
            return ForestAggregation.Median(predictions);
        }

        return DisableWeightedVote ? ForestAggregation.Mean(predictions) : WeightedMean(predictions);
    }

    public override Estimator CloneFresh() => new SRPRegressor(
        (Regressor)Model.CloneFresh(), NModels, SubspaceSize, TrainingMethod, Lam, _driftDetector.CloneFresh(), _warningDetector.CloneFresh(),
        DisableDetector, DisableWeightedVote, DriftDetectionCriteria, AggregationMethod, _seed, (RegressionMetric)_metric.CloneFresh());

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(SRPRegressor), StateVersion);
        SRPOptions.WriteState(writer, _rng, _samplesSeen, _trainingMethod, _members.Count);
        foreach (SRPRegressorMember member in _members)
        {
            member.WriteState(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(SRPRegressor), StateVersion);
        (PythonRandom rng, long samplesSeen, string method, int count) = SRPOptions.ReadState(reader, TrainingMethod, NModels);
        var members = new List<SRPRegressorMember>(count);
        for (int i = 0; i < count; i++)
        {
            members.Add(SRPRegressorMember.Read(
                reader, () => (Regressor)Model.CloneFresh(), NewMetric(), NewDrift(), NewWarning(), DriftDetectionCriteria == "error"));
        }

        _rng = rng;
        _samplesSeen = samplesSeen;
        _trainingMethod = method;
        _members = members;
    }

    public override string ToString() =>
        $"SRPRegressor({SRPOptions.Repr(Model, NModels, SubspaceSize, TrainingMethod, Lam, _driftDetector, _warningDetector, DisableDetector, DisableWeightedVote)}, "
        + $"drift_detection_criteria='{DriftDetectionCriteria}', aggregation_method='{AggregationMethod}', "
        + $"seed={SRPOptions.Seed(_seed)}, metric={_metric.Name})";

    /// <summary>
    /// <c>np.average(y_pred, weights=w)</c> with <c>w</c> each member's metric (negatives count as 0), turned
    /// around as <c>max(w) − w</c> when smaller is better; 0 when the weights sum to 0.
    /// </summary>
    private double WeightedMean(Span<double> predictions)
    {
        int n = predictions.Length;
        Span<double> weights = n <= StackLimit ? stackalloc double[StackLimit] : new double[n];
        weights = weights[..n];
        double max = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            double value = _members[i].Metric.Value;
            weights[i] = value >= 0 ? value : 0.0;
            max = i == 0 || weights[i] > max ? weights[i] : max;
        }

        if (!_metric.BiggerIsBetter)
        {
            for (int i = 0; i < n; i++)
            {
                weights[i] = -(weights[i] - max);
            }
        }

        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += weights[i];
        }

        if (sum == 0)
        {
            return 0.0;
        }

        double total = ForestAggregation.Sum(weights);
        for (int i = 0; i < n; i++)
        {
            predictions[i] *= weights[i];
        }

        return ForestAggregation.Sum(predictions) / total;
    }

    private SRPRegressorMember NewMember(int[]? features) =>
        new((Regressor)Model.CloneFresh(), features, NewMetric(), NewDrift(), NewWarning(), DriftDetectionCriteria == "error");

    private RegressionMetric NewMetric() => (RegressionMetric)_metric.CloneFresh();

    private DriftDetector? NewDrift() => SRPOptions.NewDrift(DisableDetector, _driftDetector);

    private DriftDetector? NewWarning() => SRPOptions.NewWarning(DisableDetector, _warningDetector);
}
