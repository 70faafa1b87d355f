using Eddy.Trees;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>
/// River's <c>tree</c> module with its parameter names and defaults. <c>splitter</c> is a nested splitter
/// (<c>GaussianSplitter(n_splits=5)</c>; River's None is GaussianSplitter() for classifiers, TEBSTSplitter() for
/// regressors) and <c>leaf_model</c> a nested regressor (LinearRegression() by default); <c>max_depth</c> 0 stands
/// for River's None (unlimited).
/// </summary>
internal static class BuiltinTrees
{
    public static void Register(EstimatorCatalog catalog)
    {
        catalog.Register(
            "HoeffdingTreeClassifier",
            [
                Integer("grace_period", 200), Integer("max_depth", 0), String("split_criterion", "info_gain"), Number("delta", 1e-7),
                Number("tau", 0.05), String("leaf_prediction", "nba"), Number("nb_threshold", 0), StringList("nominal_attributes"),
                Splitter("splitter", "GaussianSplitter"), Boolean("binary_split", false), Number("max_size", 100.0),
                Integer("memory_estimate_period", 1_000_000),
                Boolean("stop_mem_management", false), Boolean("remove_poor_attrs", false), Boolean("merit_preprune", true),
            ],
            a => new HoeffdingTreeClassifier(
                a.GetInt32("grace_period"),
                MaxDepth(a),
                a.GetString("split_criterion"),
                a.GetNumber("delta"),
                a.GetNumber("tau"),
                a.GetString("leaf_prediction"),
                a.GetNumber("nb_threshold"),
                Nominal(a),
                a.GetSplitter("splitter"),
                binarySplit: a.GetBoolean("binary_split"),
                maxSize: a.GetNumber("max_size"),
                memoryEstimatePeriod: a.GetInt32("memory_estimate_period"),
                stopMemManagement: a.GetBoolean("stop_mem_management"),
                removePoorAttrs: a.GetBoolean("remove_poor_attrs"),
                meritPreprune: a.GetBoolean("merit_preprune")));
        catalog.Register(
            "HoeffdingAdaptiveTreeClassifier",
            [
                Integer("grace_period", 200), Integer("max_depth", 0), String("split_criterion", "info_gain"), Number("delta", 1e-7),
                Number("tau", 0.05), String("leaf_prediction", "nba"), Number("nb_threshold", 0), StringList("nominal_attributes"),
                Splitter("splitter", "GaussianSplitter"), Boolean("bootstrap_sampling", true), Integer("drift_window_threshold", 300), Detector("drift_detector", "ADWIN"),
                Number("switch_significance", 0.05), Boolean("binary_split", false), Number("max_size", 100.0),
                Integer("memory_estimate_period", 1_000_000), Boolean("stop_mem_management", false), Boolean("remove_poor_attrs", false),
                Boolean("merit_preprune", true), NullableInteger("seed"),
            ],
            a => new HoeffdingAdaptiveTreeClassifier(
                a.GetInt32("grace_period"),
                MaxDepth(a),
                a.GetString("split_criterion"),
                a.GetNumber("delta"),
                a.GetNumber("tau"),
                a.GetString("leaf_prediction"),
                a.GetNumber("nb_threshold"),
                Nominal(a),
                a.GetSplitter("splitter"),
                bootstrapSampling: a.GetBoolean("bootstrap_sampling"),
                driftWindowThreshold: a.GetInt32("drift_window_threshold"),
                driftDetector: a.GetDetector("drift_detector"),
                switchSignificance: a.GetNumber("switch_significance"),
                binarySplit: a.GetBoolean("binary_split"),
                maxSize: a.GetNumber("max_size"),
                memoryEstimatePeriod: a.GetInt32("memory_estimate_period"),
                stopMemManagement: a.GetBoolean("stop_mem_management"),
                removePoorAttrs: a.GetBoolean("remove_poor_attrs"),
                meritPreprune: a.GetBoolean("merit_preprune"),
                seed: a.GetNullableInt64("seed")));
        catalog.Register(
            "HoeffdingTreeRegressor",
            [
                Integer("grace_period", 200), Integer("max_depth", 0), Number("delta", 1e-7), Number("tau", 0.05),
                String("leaf_prediction", "adaptive"), Estimator("leaf_model", "LinearRegression"), Number("model_selector_decay", 0.95),
                StringList("nominal_attributes"), Splitter("splitter", "TEBSTSplitter"), Integer("min_samples_split", 5),
                Boolean("binary_split", false), Number("max_size", 500.0),
                Integer("memory_estimate_period", 1_000_000), Boolean("stop_mem_management", false),
                Boolean("remove_poor_attrs", false), Boolean("merit_preprune", true),
            ],
            a => new HoeffdingTreeRegressor(
                a.GetInt32("grace_period"),
                MaxDepth(a),
                a.GetNumber("delta"),
                a.GetNumber("tau"),
                a.GetString("leaf_prediction"),
                a.GetRegressor("leaf_model"),
                a.GetNumber("model_selector_decay"),
                Nominal(a),
                a.GetSplitter("splitter"),
                minSamplesSplit: a.GetInt32("min_samples_split"),
                binarySplit: a.GetBoolean("binary_split"),
                maxSize: a.GetNumber("max_size"),
                memoryEstimatePeriod: a.GetInt32("memory_estimate_period"),
                stopMemManagement: a.GetBoolean("stop_mem_management"),
                removePoorAttrs: a.GetBoolean("remove_poor_attrs"),
                meritPreprune: a.GetBoolean("merit_preprune")));
        catalog.Register(
            "HoeffdingAdaptiveTreeRegressor",
            [
                Integer("grace_period", 200), Integer("max_depth", 0), Number("delta", 1e-7), Number("tau", 0.05),
                String("leaf_prediction", "adaptive"), Estimator("leaf_model", "LinearRegression"), Number("model_selector_decay", 0.95),
                StringList("nominal_attributes"), Splitter("splitter", "TEBSTSplitter"), Integer("min_samples_split", 5),
                Boolean("bootstrap_sampling", true), Integer("drift_window_threshold", 300),
                Detector("drift_detector", "ADWIN"), Number("switch_significance", 0.05), Boolean("binary_split", false),
                Number("max_size", 500.0), Integer("memory_estimate_period", 1_000_000), Boolean("stop_mem_management", false),
                Boolean("remove_poor_attrs", false), Boolean("merit_preprune", true), NullableInteger("seed"),
            ],
            a => new HoeffdingAdaptiveTreeRegressor(
                a.GetInt32("grace_period"),
                MaxDepth(a),
                a.GetNumber("delta"),
                a.GetNumber("tau"),
                a.GetString("leaf_prediction"),
                a.GetRegressor("leaf_model"),
                a.GetNumber("model_selector_decay"),
                Nominal(a),
                a.GetSplitter("splitter"),
                minSamplesSplit: a.GetInt32("min_samples_split"),
                bootstrapSampling: a.GetBoolean("bootstrap_sampling"),
                driftWindowThreshold: a.GetInt32("drift_window_threshold"),
                driftDetector: a.GetDetector("drift_detector"),
                switchSignificance: a.GetNumber("switch_significance"),
                binarySplit: a.GetBoolean("binary_split"),
                maxSize: a.GetNumber("max_size"),
                memoryEstimatePeriod: a.GetInt32("memory_estimate_period"),
                stopMemManagement: a.GetBoolean("stop_mem_management"),
                removePoorAttrs: a.GetBoolean("remove_poor_attrs"),
                meritPreprune: a.GetBoolean("merit_preprune"),
                seed: a.GetNullableInt64("seed")));
        catalog.Register(
            "ExtremelyFastDecisionTreeClassifier",
            [
                Integer("grace_period", 200), Integer("max_depth", 0), Integer("min_samples_reevaluate", 20),
                String("split_criterion", "info_gain"), Number("delta", 1e-7), Number("tau", 0.05), String("leaf_prediction", "nba"),
                Number("nb_threshold", 0), StringList("nominal_attributes"), Splitter("splitter", "GaussianSplitter"),
                Boolean("binary_split", false), Number("max_size", 100.0),
                Integer("memory_estimate_period", 1_000_000), Boolean("stop_mem_management", false),
                Boolean("remove_poor_attrs", false), Boolean("merit_preprune", true),
            ],
            a => new ExtremelyFastDecisionTreeClassifier(
                a.GetInt32("grace_period"),
                MaxDepth(a),
                a.GetInt32("min_samples_reevaluate"),
                a.GetString("split_criterion"),
                a.GetNumber("delta"),
                a.GetNumber("tau"),
                a.GetString("leaf_prediction"),
                a.GetNumber("nb_threshold"),
                Nominal(a),
                a.GetSplitter("splitter"),
                binarySplit: a.GetBoolean("binary_split"),
                maxSize: a.GetNumber("max_size"),
                memoryEstimatePeriod: a.GetInt32("memory_estimate_period"),
                stopMemManagement: a.GetBoolean("stop_mem_management"),
                removePoorAttrs: a.GetBoolean("remove_poor_attrs"),
                meritPreprune: a.GetBoolean("merit_preprune")));
    }

    private static int? MaxDepth(SpecArguments a) => a.GetInt32("max_depth") is var depth and > 0 ? depth : null;

    private static string[]? Nominal(SpecArguments a) => a.GetStrings("nominal_attributes") is { Length: > 0 } names ? names : null;
}
