namespace Eddy.Datasets;

/// <summary>What a dataset's target is.</summary>
public enum TaskKind
{
    BinaryClassification,
    MultiClassClassification,
    Regression,
    MultiOutputRegression,
    Unsupervised,
}
