namespace Eddy.Client;

/// <summary>
/// A prediction: the class and its probabilities (classifiers) or the value (regressors), the model version it was read
/// from, and the pending id when one was given.
/// </summary>
public sealed class PredictResult
{
    public string Model { get; init; } = "";

    /// <summary>The published version (learns applied) the prediction was read from.</summary>
    public long Sequence { get; init; }

    public string? Id { get; init; }

    /// <summary>The predicted class (null before the model has seen a label), or a regressor's value.</summary>
    public EddyValue Prediction { get; init; }

    /// <summary>Class (as the server writes it: <c>true</c>, <c>1</c>, <c>cat</c>) → probability; null for regressors.</summary>
    public Dictionary<string, double>? Probabilities { get; init; }

    /// <summary>A regressor's value; null for classifiers.</summary>
    public double? Value => Probabilities is null && Prediction.Kind == EddyValueKind.Number ? Prediction.AsNumber() : null;
}
