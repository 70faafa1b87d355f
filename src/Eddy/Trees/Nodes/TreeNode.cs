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

    /// <summary>This node as a branch, null for a leaf: a field read where <c>is Branch</c> (an open class) costs a cast helper call on the hot walks.</summary>
    public Branch? AsBranch { get; private protected init; }

    /// <summary>This node as a leaf, null for a branch.</summary>
    public Leaf? AsLeaf { get; private protected init; }

    /// <summary>Weight of the examples that reached this node (a branch sums its children).</summary>
    public abstract double TotalWeight { get; }

    /// <summary>Deterministic byte estimate of this node alone (branches) or with its observers and model (leaves).</summary>
    public abstract long EstimateBytes();

    public abstract void WriteState(StateWriter writer);
}
