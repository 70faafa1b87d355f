using Eddy.Ensembles;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>
/// River's <c>ensemble</c> bagging, boosting and random-patches wrappers; <c>model</c> is a nested model (or
/// pipeline). The SRP ensembles' vote <c>metric</c> is a nested metric: Accuracy() (classifier) and MAE() (regressor)
/// by default.
/// </summary>
internal static class BuiltinEnsembles
{
    // Every member is a full copy of the model, so untrusted specs may not ask for arbitrarily many.
    private const long MaxModels = 1000;

    public static void Register(EstimatorCatalog catalog)
    {
        catalog.Register(
            "BaggingClassifier",
            [Required("model", ParameterType.Estimator), NModels(), NullableInteger("seed")],
            a => new BaggingClassifier(a.GetClassifier("model"), a.GetInt32("n_models"), a.GetNullableInt64("seed")));
        catalog.Register(
            "BaggingRegressor",
            [Required("model", ParameterType.Estimator), NModels(), NullableInteger("seed")],
            a => new BaggingRegressor(a.GetRegressor("model"), a.GetInt32("n_models"), a.GetNullableInt64("seed")));
        catalog.Register(
            "ADWINBaggingClassifier",
            [Required("model", ParameterType.Estimator), NModels(), NullableInteger("seed")],
            a => new ADWINBaggingClassifier(a.GetClassifier("model"), a.GetInt32("n_models"), a.GetNullableInt64("seed")));
        catalog.Register(
            "LeveragingBaggingClassifier",
            [
                Required("model", ParameterType.Estimator), NModels(), Number("w", 6), Number("adwin_delta", 0.002),
                String("bagging_method", "bag"), NullableInteger("seed"),
            ],
            a => new LeveragingBaggingClassifier(
                a.GetClassifier("model"),
                a.GetInt32("n_models"),
                a.GetNumber("w"),
                a.GetNumber("adwin_delta"),
                LeveragingBaggingClassifier.ParseMethod(a.GetString("bagging_method")),
                a.GetNullableInt64("seed")));
        catalog.Register(
            "AdaBoostClassifier",
            [Required("model", ParameterType.Estimator), NModels(), NullableInteger("seed")],
            a => new AdaBoostClassifier(a.GetClassifier("model"), a.GetInt32("n_models"), a.GetNullableInt64("seed")));
        catalog.Register(
            "SRPClassifier",
            [
                Estimator("model", "HoeffdingTreeClassifier", ("grace_period", SpecValue.FromInteger(50)), ("delta", SpecValue.FromNumber(0.01))),
                NModels(), String("subspace_size", "0.6"), String("training_method", "patches"), Number("lam", 6.0),
                Detector("drift_detector", "ADWIN", ("delta", 1e-5)), Detector("warning_detector", "ADWIN", ("delta", 1e-4)),
                String("disable_detector", "off"), Boolean("disable_weighted_vote", false), NullableInteger("seed"), Metric("metric", "Accuracy"),
            ],
            a => new SRPClassifier(
                a.GetClassifier("model"),
                a.GetInt32("n_models"),
                a.GetString("subspace_size"),
                a.GetString("training_method"),
                a.GetNumber("lam"),
                a.GetDetector("drift_detector"),
                a.GetDetector("warning_detector"),
                a.GetString("disable_detector"),
                a.GetBoolean("disable_weighted_vote"),
                a.GetNullableInt64("seed"),
                LabelMetric(a)));
        catalog.Register(
            "SRPRegressor",
            [
                Estimator("model", "HoeffdingTreeRegressor", ("grace_period", SpecValue.FromInteger(50)), ("delta", SpecValue.FromNumber(0.01))),
                NModels(), String("subspace_size", "0.6"), String("training_method", "patches"), Number("lam", 6.0),
                Detector("drift_detector", "ADWIN", ("delta", 1e-5)), Detector("warning_detector", "ADWIN", ("delta", 1e-4)),
                String("disable_detector", "off"), Boolean("disable_weighted_vote", true), String("drift_detection_criteria", "error"),
                String("aggregation_method", "mean"), NullableInteger("seed"), Metric("metric", "MAE"),
            ],
            a => new SRPRegressor(
                a.GetRegressor("model"),
                a.GetInt32("n_models"),
                a.GetString("subspace_size"),
                a.GetString("training_method"),
                a.GetNumber("lam"),
                a.GetDetector("drift_detector"),
                a.GetDetector("warning_detector"),
                a.GetString("disable_detector"),
                a.GetBoolean("disable_weighted_vote"),
                a.GetString("drift_detection_criteria"),
                a.GetString("aggregation_method"),
                a.GetNullableInt64("seed"),
                a.GetMetric<Metrics.RegressionMetric>("metric", "a regression metric")));
    }

    /// <summary>SRP scores its members' predicted labels, so a probability metric (ROCAUC, LogLoss) cannot weigh votes.</summary>
    private static Metrics.ClassificationMetric LabelMetric(SpecArguments a)
    {
        Metrics.ClassificationMetric metric = a.GetMetric<Metrics.ClassificationMetric>("metric", "a classification metric");
        return metric.RequiresLabels
            ? metric
            : throw new ArgumentException($"{metric.Name} scores probabilities; SRP weighs votes by a metric of predicted labels.", "metric");
    }

    private static ParameterSpec NModels() => Integer("n_models", 10).WithMaximum(MaxModels);
}
