using Eddy.Neighbors;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>River's <c>neighbors</c> module (0.12.1 signatures; <c>distance_func</c> is the Minkowski metric with <c>p</c>).</summary>
internal static class BuiltinNeighbors
{
    public static void Register(EstimatorCatalog catalog)
    {
        catalog.Register(
            "KNNClassifier",
            [
                Integer("n_neighbors", 5), Integer("window_size", 1000), Number("min_distance_keep", 0.0), Boolean("weighted", true),
                Integer("cleanup_every", 0), Boolean("softmax", false), Number("p", 2.0),
            ],
            a => new KNNClassifier(
                a.GetInt32("n_neighbors"),
                a.GetInt32("window_size"),
                a.GetNumber("min_distance_keep"),
                a.GetBoolean("weighted"),
                a.GetInt32("cleanup_every"),
                a.GetBoolean("softmax"),
                a.GetNumber("p")));
        catalog.Register(
            "KNNRegressor",
            [
                Integer("n_neighbors", 5), Integer("window_size", 1000), String("aggregation_method", "mean"),
                Number("min_distance_keep", 0.0), Number("p", 2.0),
            ],
            a => new KNNRegressor(
                a.GetInt32("n_neighbors"),
                a.GetInt32("window_size"),
                NeighborSettings.Parse(a.GetString("aggregation_method")),
                a.GetNumber("min_distance_keep"),
                a.GetNumber("p")));
    }
}
