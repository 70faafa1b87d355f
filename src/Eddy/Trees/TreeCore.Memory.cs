using Eddy.Trees.Nodes;

namespace Eddy.Trees;

/// <summary>Kirkby's (2007) memory management, as River's Hoeffding trees do it: size estimates and leaf deactivation.</summary>
internal sealed partial class TreeCore
{
    // Scratch of EnforceSizeLimit (empty between calls, never in the state).
    private readonly List<Leaf> _inactiveScratch = [];

    /// <summary>Called after each learn: estimates the size every <c>memory_estimate_period</c> weight.</summary>
    public void AfterLearn()
    {
        if (TrainWeightSeen % Settings.MemoryEstimatePeriod == 0)
        {
            EstimateModelSize();
        }
    }

    /// <summary>
    /// River's <c>_estimate_model_size</c> with Eddy's deterministic byte estimates of its own structures (documented
    /// in <see cref="TreeSettings"/>), not Python's object sizes.
    /// </summary>
    public void EstimateModelSize()
    {
        double active = 0, inactive = 0;
        foreach (Leaf leaf in Leaves())
        {
            if (leaf.IsActive)
            {
                active += leaf.EstimateBytes();
            }
            else
            {
                inactive += leaf.EstimateBytes();
            }
        }

        if (active > 0)
        {
            ActiveLeafSizeEstimate = active / ActiveLeaves;
        }

        if (inactive > 0)
        {
            InactiveLeafSizeEstimate = inactive / InactiveLeaves;
        }

        double actual = EstimateTreeBytes();
        double estimated = (ActiveLeaves * ActiveLeafSizeEstimate) + (InactiveLeaves * InactiveLeafSizeEstimate);
        SizeEstimateOverheadFraction = estimated > 0 ? actual / estimated : 1.0;
        if (actual > Settings.MaxByteSize)
        {
            EnforceSizeLimit();
        }
    }

    /// <summary>
    /// River's <c>_enforce_size_limit</c>: keeps the most promising leaves active within the budget.
    /// <paramref name="deactivated"/> is the leaf the caller just deactivated, if any.
    /// </summary>
    public void EnforceSizeLimit(Leaf? deactivated = null)
    {
        double treeSize = SizeEstimateOverheadFraction * (ActiveLeafSizeEstimate + (InactiveLeaves * InactiveLeafSizeEstimate));
        if ((InactiveLeaves > 0 || treeSize > Settings.MaxByteSize) && Settings.StopMemManagement)
        {
            GrowthAllowed = false;
            return;
        }

        // Before the first size estimate every leaf is estimated at 0 bytes, so all fit and the pass below only
        // reactivates the inactive leaves. Every deactivation counts one inactive leaf and every reactivation or
        // removal uncounts one, so the counter never falls below the inactive leaves in the tree: at 0 there are
        // none, at 1 with a just-deactivated leaf that leaf is the only one. Then the walk over the tree is skipped.
        if (ActiveLeafSizeEstimate == 0 && InactiveLeafSizeEstimate == 0 && double.IsFinite(SizeEstimateOverheadFraction)
            && !(0.0 > Settings.MaxByteSize))
        {
            if (InactiveLeaves == 0)
            {
                return;
            }

            if (InactiveLeaves == 1 && deactivated is { IsActive: false })
            {
                if (deactivated.Depth < Settings.MaxDepth)
                {
                    deactivated.Activate();
                    ActiveLeaves++;
                    InactiveLeaves--;
                }

                return;
            }
        }

        // Whether any leaf must be deactivated depends only on the leaf count; when none must (the usual case, far
        // below the budget), the promise ranking changes nothing and the inactive leaves are reactivated in any order.
        // One pass counts the leaves and gathers the inactive ones.
        int leafCount = CountLeaves(Root, _inactiveScratch);
        if (ActiveBudget(leafCount) == leafCount)
        {
            foreach (Leaf inactive in _inactiveScratch)
            {
                if (!inactive.IsActive && inactive.Depth < Settings.MaxDepth)
                {
                    inactive.Activate();
                    ActiveLeaves++;
                    InactiveLeaves--;
                }
            }

            _inactiveScratch.Clear();
            return;
        }

        _inactiveScratch.Clear();
        List<Leaf> leaves = Leaves();
        double[] promise = new double[leaves.Count];
        int[] order = new int[leaves.Count];
        for (int i = 0; i < leaves.Count; i++)
        {
            promise[i] = leaves[i].CalculatePromise();
            order[i] = i;
        }

        // Python's sort is stable: equal promises keep the leaves' order.
        Array.Sort(order, (a, b) => promise[a] != promise[b] ? promise[a].CompareTo(promise[b]) : a.CompareTo(b));
        int cutoff = leaves.Count - ActiveBudget(leaves.Count);
        for (int i = 0; i < cutoff; i++)
        {
            Leaf leaf = leaves[order[i]];
            if (leaf.IsActive)
            {
                leaf.Deactivate();
                InactiveLeaves++;
                ActiveLeaves--;
            }
        }

        for (int i = cutoff; i < leaves.Count; i++)
        {
            Leaf leaf = leaves[order[i]];
            if (!leaf.IsActive && leaf.Depth < Settings.MaxDepth)
            {
                leaf.Activate();
                ActiveLeaves++;
                InactiveLeaves--;
            }
        }
    }

    /// <summary>How many of <paramref name="leafCount"/> leaves may stay active within the byte budget.</summary>
    private int ActiveBudget(int leafCount)
    {
        int maxActive = 0;
        while (maxActive < leafCount)
        {
            maxActive++;
            double size = ((maxActive * ActiveLeafSizeEstimate) + ((leafCount - maxActive) * InactiveLeafSizeEstimate))
                * SizeEstimateOverheadFraction;
            if (size > Settings.MaxByteSize)
            {
                maxActive--;
                break;
            }
        }

        return maxActive;
    }

    /// <summary><see cref="Leaves"/>' count, without building the list; adds the inactive leaves to <paramref name="inactive"/>.</summary>
    private static int CountLeaves(TreeNode? node, List<Leaf> inactive)
    {
        if (node?.AsBranch is not { } branch)
        {
            if (node?.AsLeaf is { IsActive: false } leaf)
            {
                inactive.Add(leaf);
            }

            return node is null ? 0 : 1;
        }

        int count = 0;
        foreach (TreeNode child in branch.Children)
        {
            count += CountLeaves(child, inactive);
            if (child.AsBranch is { Adaptive.Alternate: { } alternate })
            {
                count += CountLeaves(alternate, inactive);
            }
        }

        return count;
    }

    /// <summary>The whole tree's byte estimate: every node plus a fixed overhead for the estimator itself.</summary>
    public long EstimateTreeBytes() => 256 + (Root is null ? 0 : NodeBytes(Root));

    private static long NodeBytes(TreeNode node)
    {
        long bytes = node.EstimateBytes();
        if (node is Branch branch)
        {
            bytes += branch.Adaptive is { } adaptive ? adaptive.Monitor.EstimateBytes() + (adaptive.Alternate?.EstimateBytes() ?? 0) : 0;
            foreach (TreeNode child in branch.Children)
            {
                bytes += NodeBytes(child);
            }
        }

        return bytes;
    }
}
