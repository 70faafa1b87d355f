namespace Eddy.Trees.Nodes;

/// <summary>
/// What River's <c>AdaBranchClassifier</c> / <c>AdaBranchRegressor</c> add to a branch: the error monitor of the
/// subtree and the alternate grown after a drift (always a leaf: when an alternate leaf splits, River's split replaces
/// the subtree it shadows).
/// </summary>
internal sealed class AdaptiveBranchState
{
    public AdaptiveBranchState(ErrorMonitor monitor, Leaf? alternate)
    {
        Monitor = monitor;
        Alternate = alternate;
    }

    public ErrorMonitor Monitor { get; }

    public Leaf? Alternate { get; set; }

    /// <summary>River's <c>_error_normalizer</c> of an <c>AdaBranchRegressor</c> (unused by classification).</summary>
    public VarianceStats ErrorNormalizer { get; set; }
}
