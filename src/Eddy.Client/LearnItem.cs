namespace Eddy.Client;

/// <summary>One learn of a batch or a stream: features and a label, or the id of a pending prediction and its label.</summary>
public readonly struct LearnItem
{
    private LearnItem(Example? x, string? id, EddyValue y)
    {
        X = x;
        Id = id;
        Y = y;
    }

    public Example? X { get; }

    public string? Id { get; }

    public EddyValue Y { get; }

    public static LearnItem Of(Example x, EddyValue y)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new LearnItem(x, null, y);
    }

    /// <summary>A delayed label: learns the features the server kept with the prediction made under <paramref name="id"/>.</summary>
    public static LearnItem ById(string id, EddyValue y)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new LearnItem(null, id, y);
    }
}
