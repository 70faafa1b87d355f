namespace Eddy.Client;

/// <summary>
/// One answer line of <c>/stream</c>, for the request line <see cref="Line"/> (1-based; blank lines are counted but not
/// answered): a learn (<see cref="Replayed"/>, <see cref="Metric"/>), a prediction, or an <see cref="Error"/>.
/// </summary>
public sealed class StreamAnswer
{
    public long Line { get; init; }

    public long? Sequence { get; init; }

    public string? Id { get; init; }

    public EddyValue Prediction { get; init; }

    public Dictionary<string, double>? Probabilities { get; init; }

    public bool? Replayed { get; init; }

    public MetricReading? Metric { get; init; }

    public EddyProblem? Error { get; init; }

    /// <summary>A learn's answer (the others are predictions or errors).</summary>
    public bool IsLearn => Replayed is not null;

    internal StreamAnswer WithLine(long line) => new()
    {
        Line = line, Sequence = Sequence, Id = Id, Prediction = Prediction, Probabilities = Probabilities, Replayed = Replayed, Metric = Metric, Error = Error,
    };
}
