namespace Eddy.Server.Monitoring;

/// <summary>
/// The holdout set of a model with challengers: <paramref name="Size"/> labelled examples, a share
/// <paramref name="Recent"/> of them the most recent ones, the rest a uniform sample of the whole history drawn with a
/// generator seeded by <paramref name="Seed"/> (drawn once at definition when none is given, then logged).
/// </summary>
internal sealed record HoldoutSpec(int Size, double Recent, long Seed)
{
    public const int MaxSize = 10_000;

    /// <summary>Slots kept for the most recent examples; the others hold the reservoir sample.</summary>
    public int RecentSlots => (int)Math.Round(Size * Recent, MidpointRounding.AwayFromZero);

    public int ReservoirSlots => Size - RecentSlots;
}
