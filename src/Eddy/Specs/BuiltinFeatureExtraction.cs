using Eddy.FeatureExtraction;
using Eddy.Stats;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>River's <c>feature_extraction.Agg</c>/<c>TargetAgg</c> and the <c>stats</c> they aggregate with.</summary>
internal static class BuiltinFeatureExtraction
{
    public static void Register(EstimatorCatalog catalog)
    {
        catalog.Register(
            "Agg",
            [Required("on", ParameterType.String), Keys("by"), Required("how", ParameterType.Statistic)],
            a => new Agg(a.GetString("on"), a.GetKeys("by"), a.GetStatistic("how")));
        catalog.Register(
            "TargetAgg",
            [Keys("by"), Required("how", ParameterType.Statistic), String("target_name", "y")],
            a => new TargetAgg(a.GetKeys("by"), a.GetStatistic("how"), a.GetString("target_name")));
        catalog.Register(
            "DatetimeParts",
            [Keys("on"), StringList("parts")],
            a => new DatetimeParts(a.GetKeys("on"), a.GetStrings("parts")));

        // stats
        catalog.RegisterStatistic("Mean", [], _ => new Mean());
        catalog.RegisterStatistic("Var", [Integer("ddof", 1)], a => new Var(a.GetInt32("ddof")));
        catalog.RegisterStatistic("Count", [], _ => new Count());
        catalog.RegisterStatistic("Sum", [], _ => new Sum());
        catalog.RegisterStatistic("Min", [], _ => new Min());
        catalog.RegisterStatistic("Max", [], _ => new Max());
        catalog.RegisterStatistic(
            "BayesianMean",
            [Required("prior", ParameterType.Number), Required("prior_weight", ParameterType.Number)],
            a => new BayesianMean(a.GetNumber("prior"), a.GetNumber("prior_weight")));
    }
}
