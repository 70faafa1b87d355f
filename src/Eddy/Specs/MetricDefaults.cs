using Eddy.Datasets;

namespace Eddy.Specs;

/// <summary>The metrics tracked when a spec names none, per task (what <c>eddy evaluate</c> reports).</summary>
public static class MetricDefaults
{
    public static IReadOnlyList<string> For(TaskKind task) => task switch
    {
        TaskKind.BinaryClassification => ["ROCAUC", "Accuracy", "LogLoss", "F1"],
        TaskKind.MultiClassClassification => ["Accuracy", "MacroF1"],
        _ => ["MAE", "RMSE", "R2"],
    };

    public static IReadOnlyList<string> For(EstimatorKind kind) => kind switch
    {
        EstimatorKind.Classifier => ["Accuracy"],
        EstimatorKind.Regressor => ["MAE"],
        EstimatorKind.Anomaly or EstimatorKind.SupervisedAnomaly => ["ROCAUC"],
        _ => [],
    };
}
