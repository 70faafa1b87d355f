using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Trees.Nodes;

/// <summary>
/// River's <c>tree.nodes.branch.HTBranch</c>: a split test on one feature and a child per outcome. It keeps the
/// target statistics of the leaf it replaced (River's <c>stats</c>), for adaptive trees and inspection.
/// </summary>
internal abstract class Branch : TreeNode
{
    protected Branch(int depth, int feature, List<TreeNode> children, ClassWeights? classStats, VarianceStats targetStats)
        : base(depth)
    {
        AsBranch = this;
        Feature = feature;
        Children = children;
        ClassStats = classStats;
        TargetStats = targetStats;
    }

    public int Feature { get; }

    public List<TreeNode> Children { get; }

    public ClassWeights? ClassStats { get; }

    /// <summary>Regression target statistics; adaptive regression trees keep updating them as River's branches do.</summary>
    public VarianceStats TargetStats { get; set; }

    /// <summary>Hoeffding adaptive trees' drift state of this branch; null in the other trees (not written with the node).</summary>
    public AdaptiveBranchState? Adaptive { get; set; }

    /// <summary>A numeric threshold test (<see cref="NumericBinaryBranch"/>): the walks apply it without a virtual call.</summary>
    private protected bool IsThresholdTest { get; init; }

    private protected double TestThreshold { get; init; }

    /// <summary>River's <c>max_branches() == -1</c>: a new category grows a new branch.</summary>
    public virtual bool GrowsBranches => false;

    public override double TotalWeight
    {
        get
        {
            double total = 0.0;
            foreach (TreeNode child in Children)
            {
                total += child.TotalWeight;
            }

            return total;
        }
    }

    /// <summary>The child index for <paramref name="x"/>, or -1 when the test cannot be applied (River's KeyError).</summary>
    public int BranchNo(FeatureVector x)
    {
        int position = x.PositionOf(Feature);
        if (position < 0)
        {
            return -1;
        }

        return IsThresholdTest ? NumericBinaryBranch.Test(x, position, TestThreshold) : BranchNo(x, position);
    }

    public abstract int BranchNo(FeatureVector x, int position);

    /// <summary>River's <c>most_common_path</c>: the heaviest child (first on ties; left on binary ties).</summary>
    public virtual int MostCommonPath()
    {
        int best = 0;
        double bestWeight = Children[0].TotalWeight;
        for (int i = 1; i < Children.Count; i++)
        {
            double weight = Children[i].TotalWeight;
            if (weight > bestWeight)
            {
                best = i;
                bestWeight = weight;
            }
        }

        return best;
    }

    public virtual void AddChild(FeatureValue value, TreeNode child) => throw new NotSupportedException();

    public override long EstimateBytes() => 64 + (8L * Children.Count) + (ClassStats is null ? 24 : 16L * ClassStats.Count);

    /// <summary>Tag, then the fields common to all branches, then the test (children are written by the tree).</summary>
    public override void WriteState(StateWriter writer)
    {
        writer.WriteByte(Tag);
        writer.WriteInt32(Depth);
        writer.WriteInt32(Feature);
        writer.WriteBoolean(ClassStats is not null);
        if (ClassStats is not null)
        {
            ClassStats.WriteState(writer);
        }
        else
        {
            TargetStats.WriteState(writer);
        }

        WriteTest(writer);
        writer.WriteInt32(Children.Count);
    }

    public abstract byte Tag { get; }

    protected abstract void WriteTest(StateWriter writer);
}
