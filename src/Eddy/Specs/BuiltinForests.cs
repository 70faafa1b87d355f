using Eddy.Ensembles;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>
/// River's adaptive random forests with their parameter names and defaults. The vote <c>metric</c> (Accuracy() /
/// MSE() by default), the trees' <c>splitter</c> and the regression <c>leaf_model</c> are nested objects as in the
/// tree specs; <c>max_depth</c> 0 stands for River's None (unlimited), as in the tree specs.
/// </summary>
internal static class BuiltinForests
{
    public static void Register(EstimatorCatalog catalog)
    {
        catalog.Register(
            "ARFClassifier",
            [
                Integer("n_models", 10).WithMaximum(100), String("max_features", "sqrt"), Integer("lambda_value", 6),
                Metric("metric", "Accuracy"), Boolean("disable_weighted_vote", false),
                Detector("drift_detector", "ADWIN", ("delta", 0.001)), Detector("warning_detector", "ADWIN", ("delta", 0.01)),
                Integer("grace_period", 50), Integer("max_depth", 0), String("split_criterion", "info_gain"), Number("delta", 0.01),
                Number("tau", 0.05), String("leaf_prediction", "nba"), Number("nb_threshold", 0), StringList("nominal_attributes"),
                Splitter("splitter", "GaussianSplitter"), Boolean("binary_split", false), Number("max_size", 100.0),
                Integer("memory_estimate_period", 2_000_000), Boolean("stop_mem_management", false), Boolean("remove_poor_attrs", false),
                Boolean("merit_preprune", true), NullableInteger("seed"),
            ],
            a => new ARFClassifier(
                a.GetInt32("n_models"),
                a.GetString("max_features"),
                a.GetInt32("lambda_value"),
                a.GetMetric<Metrics.MultiClassMetric>("metric", "a multi-class metric of labels"),
                a.GetBoolean("disable_weighted_vote"),
                a.GetDetector("drift_detector"),
                a.GetDetector("warning_detector"),
                a.GetInt32("grace_period"),
                a.GetInt32("max_depth") is var depth and > 0 ? depth : null,
                a.GetString("split_criterion"),
                a.GetNumber("delta"),
                a.GetNumber("tau"),
                a.GetString("leaf_prediction"),
                a.GetNumber("nb_threshold"),
                a.GetStrings("nominal_attributes") is { Length: > 0 } names ? names : null,
                a.GetSplitter("splitter"),
                a.GetBoolean("binary_split"),
                a.GetNumber("max_size"),
                a.GetInt32("memory_estimate_period"),
                a.GetBoolean("stop_mem_management"),
                a.GetBoolean("remove_poor_attrs"),
                a.GetBoolean("merit_preprune"),
                a.GetNullableInt64("seed")));
        catalog.Register(
            "ARFRegressor",
            [
                Integer("n_models", 10).WithMaximum(100), String("max_features", "sqrt"), String("aggregation_method", "median"),
                Integer("lambda_value", 6), Metric("metric", "MSE"), Boolean("disable_weighted_vote", true),
                Detector("drift_detector", "ADWIN", ("delta", 0.001)), Detector("warning_detector", "ADWIN", ("delta", 0.01)), Integer("grace_period", 50), Integer("max_depth", 0),
                Number("delta", 0.01), Number("tau", 0.05), String("leaf_prediction", "adaptive"),
                Estimator("leaf_model", "LinearRegression"), Number("model_selector_decay", 0.95), StringList("nominal_attributes"),
                Splitter("splitter", "TEBSTSplitter"), Integer("min_samples_split", 5), Boolean("binary_split", false),
                Number("max_size", 500.0),
                Integer("memory_estimate_period", 2_000_000), Boolean("stop_mem_management", false), Boolean("remove_poor_attrs", false),
                Boolean("merit_preprune", true), NullableInteger("seed"),
            ],
            a => new ARFRegressor(
                a.GetInt32("n_models"),
                a.GetString("max_features"),
                a.GetString("aggregation_method"),
                a.GetInt32("lambda_value"),
                a.GetMetric<Metrics.RegressionMetric>("metric", "a regression metric"),
                a.GetBoolean("disable_weighted_vote"),
                a.GetDetector("drift_detector"),
                a.GetDetector("warning_detector"),
                a.GetInt32("grace_period"),
                a.GetInt32("max_depth") is var depth and > 0 ? depth : null,
                a.GetNumber("delta"),
                a.GetNumber("tau"),
                a.GetString("leaf_prediction"),
                a.GetRegressor("leaf_model"),
                a.GetNumber("model_selector_decay"),
                a.GetStrings("nominal_attributes") is { Length: > 0 } names ? names : null,
                a.GetSplitter("splitter"),
                a.GetInt32("min_samples_split"),
                a.GetBoolean("binary_split"),
                a.GetNumber("max_size"),
                a.GetInt32("memory_estimate_period"),
                a.GetBoolean("stop_mem_management"),
                a.GetBoolean("remove_poor_attrs"),
                a.GetBoolean("merit_preprune"),
                a.GetNullableInt64("seed")));
    }
}
