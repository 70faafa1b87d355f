namespace Eddy.Client;

/// <summary>The holdout set: its capacity and how many examples it holds now.</summary>
public sealed class HoldoutStatus
{
    public int Size { get; init; }

    public int Held { get; init; }
}
