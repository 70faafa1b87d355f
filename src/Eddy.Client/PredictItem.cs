namespace Eddy.Client;

/// <summary>One prediction of a batch or a stream; with an id the server keeps it pending for its label.</summary>
public readonly struct PredictItem
{
    public PredictItem(Example x, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        X = x;
        Id = id;
    }

    public Example X { get; }

    public string? Id { get; }

    public static implicit operator PredictItem(Example x) => new(x);
}
