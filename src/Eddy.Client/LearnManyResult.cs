namespace Eddy.Client;

/// <summary>The answer to <c>learn_many</c>: one result per item, in order.</summary>
public sealed class LearnManyResult
{
    public string Model { get; init; } = "";

    public List<BatchLearn> Results { get; init; } = [];
}
