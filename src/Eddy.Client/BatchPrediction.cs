namespace Eddy.Client;

/// <summary>One answer of <c>predict_many</c>: a prediction, or the problem with that item.</summary>
public sealed class BatchPrediction
{
    public string? Id { get; init; }

    public EddyValue Prediction { get; init; }

    public Dictionary<string, double>? Probabilities { get; init; }

    public EddyProblem? Error { get; init; }

    public double? Value => Error is null && Probabilities is null && Prediction.Kind == EddyValueKind.Number ? Prediction.AsNumber() : null;
}
