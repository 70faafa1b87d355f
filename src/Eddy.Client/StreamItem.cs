namespace Eddy.Client;

/// <summary>One line of an NDJSON stream: a learn or a prediction.</summary>
public readonly struct StreamItem
{
    private readonly LearnItem _learn;
    private readonly PredictItem _predict;

    public StreamItem(LearnItem learn)
    {
        _learn = learn;
        IsLearn = true;
    }

    public StreamItem(PredictItem predict)
    {
        _predict = predict;
    }

    public bool IsLearn { get; }

    public LearnItem Learn => IsLearn ? _learn : throw new InvalidOperationException("This stream item is a prediction.");

    public PredictItem Predict => !IsLearn ? _predict : throw new InvalidOperationException("This stream item is a learn.");

    public static implicit operator StreamItem(LearnItem learn) => new(learn);

    public static implicit operator StreamItem(PredictItem predict) => new(predict);
}
