namespace Eddy.Trees;

/// <summary>What an adaptive tree's alternate-tree test did at a branch.</summary>
internal enum AlternateChange
{
    None,

    /// <summary>The alternate replaced the branch.</summary>
    Switched,

    /// <summary>The alternate was dropped.</summary>
    Pruned,
}
