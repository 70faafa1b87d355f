namespace Eddy.FeatureExtraction;

/// <summary>Compares group keys by content, and lets a stack-allocated key look a group up without allocating.</summary>
internal sealed class GroupKeyComparer : IEqualityComparer<long[]>, IAlternateEqualityComparer<ReadOnlySpan<long>, long[]>
{
    public static GroupKeyComparer Instance { get; } = new();

    public bool Equals(long[]? x, long[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(long[] obj) => GetHashCode((ReadOnlySpan<long>)obj);

    public bool Equals(ReadOnlySpan<long> alternate, long[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<long> alternate)
    {
        var hash = new HashCode();
        foreach (long part in alternate)
        {
            hash.Add(part);
        }

        return hash.ToHashCode();
    }

    public long[] Create(ReadOnlySpan<long> alternate) => alternate.ToArray();
}
