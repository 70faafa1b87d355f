namespace Eddy.Client;

/// <summary>The answer to <c>predict_many</c>: every prediction read from one published version, in order.</summary>
public sealed class PredictManyResult
{
    public string Model { get; init; } = "";

    public long Sequence { get; init; }

    public List<BatchPrediction> Predictions { get; init; } = [];
}
