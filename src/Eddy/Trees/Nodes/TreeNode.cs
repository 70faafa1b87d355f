using Eddy.Serialization;

namespace Eddy.Trees.Nodes;

/// <summary>River's <c>tree.base.Base</c>: a node of a Hoeffding tree, a leaf or a branch.</summary>
internal abstract class TreeNode
{
    protected TreeNode(int depth)
    {
        Depth = depth;
    }

    public int Depth { get; }

    /// <summary>Weight of the examples that reached this node (a branch sums its children).</summary>
    public abstract double TotalWeight { get; }

    /// <summary>Deterministic byte estimate of this node alone (branches) or with its observers and model (leaves).</summary>
    public abstract long EstimateBytes();

    public abstract void WriteState(StateWriter writer);
}
