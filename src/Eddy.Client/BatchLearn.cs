namespace Eddy.Client;

/// <summary>One answer of <c>learn_many</c>: the sequence it got, or the problem with that item.</summary>
public sealed class BatchLearn
{
    public long? Sequence { get; init; }

    public bool Replayed { get; init; }

    public EddyProblem? Error { get; init; }
}
