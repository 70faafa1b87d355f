using Eddy.Drift;
using Eddy.Drift.Binary;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>River's drift detectors with its parameter names and defaults.</summary>
internal static class BuiltinDetectors
{
    public static void Register(EstimatorCatalog catalog)
    {
        catalog.RegisterDetector(
            "ADWIN",
            [Number("delta", 0.002), Integer("clock", 32), Integer("max_buckets", 5), Integer("min_window_length", 5), Integer("grace_period", 10)],
            a => new ADWIN(a.GetNumber("delta"), a.GetInt32("clock"), a.GetInt32("max_buckets"), a.GetInt32("min_window_length"), a.GetInt32("grace_period")));
        catalog.RegisterDetector(
            "PageHinkley",
            [Integer("min_instances", 30), Number("delta", 0.005), Number("threshold", 50.0), Number("alpha", 1 - 0.0001), String("mode", "both")],
            a => new PageHinkley(a.GetInt32("min_instances"), a.GetNumber("delta"), a.GetNumber("threshold"), a.GetNumber("alpha"), a.GetString("mode")));
        catalog.RegisterDetector(
            "KSWIN",
            [Number("alpha", 0.005), Integer("window_size", 100).WithMaximum(1_000_000), Integer("stat_size", 30).WithMaximum(10_000), NullableInteger("seed")],
            a => new KSWIN(a.GetNumber("alpha"), a.GetInt32("window_size"), a.GetInt32("stat_size"), a.GetNullableInt64("seed")));
        catalog.RegisterDetector(
            "DDM",
            [Integer("warm_start", 30), Number("warning_threshold", 2.0), Number("drift_threshold", 3.0)],
            a => new DDM(a.GetInt32("warm_start"), a.GetNumber("warning_threshold"), a.GetNumber("drift_threshold")));
        catalog.RegisterDetector(
            "EDDM",
            [Integer("warm_start", 30), Number("alpha", 0.95), Number("beta", 0.9)],
            a => new EDDM(a.GetInt32("warm_start"), a.GetNumber("alpha"), a.GetNumber("beta")));
        catalog.RegisterDetector(
            "HDDM_A",
            [Number("drift_confidence", 0.001), Number("warning_confidence", 0.005), Boolean("two_sided_test", false)],
            a => new HDDM_A(a.GetNumber("drift_confidence"), a.GetNumber("warning_confidence"), a.GetBoolean("two_sided_test")));
        catalog.RegisterDetector(
            "HDDM_W",
            [Number("drift_confidence", 0.001), Number("warning_confidence", 0.005), Number("lambda_val", 0.05), Boolean("two_sided_test", false)],
            a => new HDDM_W(a.GetNumber("drift_confidence"), a.GetNumber("warning_confidence"), a.GetNumber("lambda_val"), a.GetBoolean("two_sided_test")));
    }
}
