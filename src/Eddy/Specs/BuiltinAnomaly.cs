using Eddy.Anomaly;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>
/// River's <c>anomaly</c> module. HalfSpaceTrees' <c>limits</c> is a dict of feature → (min, max)
/// (<c>limits={'x': (0, 1)}</c>, in JSON <c>{"x": [0, 1]}</c>); its sizes are capped because the trees are allocated up front.
/// </summary>
internal static class BuiltinAnomaly
{
    /// <summary>GaussianScorer allocates its window up front.</summary>
    private const int MaxWindow = 1_000_000;

    public static void Register(EstimatorCatalog catalog)
    {
        catalog.Register(
            "HalfSpaceTrees",
            [Integer("n_trees", 10).WithMaximum(100), Integer("height", 8).WithMaximum(12), Integer("window_size", 250), Ranges("limits"), NullableInteger("seed")],
            a => new HalfSpaceTrees(a.GetInt32("n_trees"), a.GetInt32("height"), a.GetInt32("window_size"), a.GetRanges("limits"), a.GetNullableInt64("seed")));
        catalog.Register(
            "OneClassSVM",
            [Number("nu", 0.1), Optimizer("optimizer", "SGD"), Scheduler("intercept_lr", 0.01), Number("clip_gradient", 1e12)],
            a => new OneClassSVM(a.GetNumber("nu"), a.GetOptimizer("optimizer"), a.GetScheduler("intercept_lr"), a.GetNumber("clip_gradient")));
        catalog.Register(
            "GaussianScorer",
            [NullableInteger("window_size").WithMaximum(MaxWindow), Integer("grace_period", 100)],
            a => new GaussianScorer(a.GetNullableInt64("window_size") is { } w ? (int)Math.Clamp(w, int.MinValue, int.MaxValue) : null, a.GetInt32("grace_period")));
    }
}
