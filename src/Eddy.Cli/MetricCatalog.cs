using Eddy.Datasets;
using Eddy.Metrics;

namespace Eddy.Cli;

/// <summary>Metric names as River spells them (ROCAUC, MacroF1, MAE …) and the defaults per task.</summary>
internal static class MetricCatalog
{
    private static readonly Dictionary<string, Func<Metric>> s_factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Accuracy"] = () => new Accuracy(),
        ["ROCAUC"] = () => new RocAuc(),
        ["LogLoss"] = () => new LogLoss(),
        ["CrossEntropy"] = () => new CrossEntropy(),
        ["F1"] = () => new F1(),
        ["Precision"] = () => new Precision(),
        ["Recall"] = () => new Recall(),
        ["MacroF1"] = () => new MacroF1(),
        ["MicroF1"] = () => new MicroF1(),
        ["WeightedF1"] = () => new WeightedF1(),
        ["BalancedAccuracy"] = () => new BalancedAccuracy(),
        ["CohenKappa"] = () => new CohenKappa(),
        ["MCC"] = () => new Mcc(),
        ["MAE"] = () => new Mae(),
        ["MSE"] = () => new Mse(),
        ["RMSE"] = () => new Rmse(),
        ["RMSLE"] = () => new Rmsle(),
        ["R2"] = () => new R2(),
        ["SMAPE"] = () => new Smape(),
    };

    public static IEnumerable<string> Names => s_factories.Keys;

    public static Metric Create(string name) =>
        s_factories.TryGetValue(name.Trim(), out Func<Metric>? factory)
            ? factory()
            : throw new ArgumentException($"Unknown metric '{name}'. Known: {string.Join(", ", Names)}.");

    public static string[] Defaults(TaskKind task) => task switch
    {
        TaskKind.BinaryClassification => ["ROCAUC", "Accuracy", "LogLoss", "F1"],
        TaskKind.MultiClassClassification => ["Accuracy", "MacroF1"],
        _ => ["MAE", "RMSE", "R2"],
    };
}
