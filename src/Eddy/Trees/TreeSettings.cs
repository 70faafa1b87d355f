using Eddy.Trees.Splitters;

namespace Eddy.Trees;

/// <summary>
/// The hyper-parameters every Hoeffding tree shares (River's <c>HoeffdingTree.__init__</c> plus the split
/// thresholds). Immutable.
/// </summary>
/// <remarks>
/// Memory management uses Eddy's own deterministic byte estimates instead of Python's object sizes: a leaf counts
/// 96 bytes, 16 per observed feature and the estimates of its splitters (Gaussian: 64 + 48 per class; E-BST:
/// 48 + 56 per node; nominal: 64 + 16 per category + 24 per class entry), its statistics and, for model leaves, the
/// model's serialized state plus 64; a branch 64 plus 8 per child; the tree 256. They scale like the real
/// structures, so the budget deactivates leaves in the same order River would, at different absolute sizes.
/// </remarks>
internal sealed record TreeSettings(
    int GracePeriod,
    double MaxDepth,
    double Delta,
    double Tau,
    bool BinarySplit,
    double MaxSize,
    long MemoryEstimatePeriod,
    bool StopMemManagement,
    bool RemovePoorAttrs,
    bool MeritPreprune,
    IReadOnlySet<string>? NominalAttributes,
    Splitter Splitter)
{
    /// <summary>River's <c>_max_byte_size</c>: megabytes of 2^20 bytes.</summary>
    public double MaxByteSize => MaxSize * 1048576.0;

    public static void Validate(int gracePeriod, int? maxDepth, double delta, double tau, double maxSize, long memoryEstimatePeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gracePeriod, 1);
        if (maxDepth is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "Must be non-negative (null: unlimited).");
        }

        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Must be in (0, 1).");
        }

        if (!(tau >= 0) || double.IsInfinity(tau))
        {
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "Must be finite and non-negative.");
        }

        if (!(maxSize > 0) || double.IsInfinity(maxSize))
        {
            throw new ArgumentOutOfRangeException(nameof(maxSize), maxSize, "Must be positive (megabytes).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(memoryEstimatePeriod, 1L);
    }
}
