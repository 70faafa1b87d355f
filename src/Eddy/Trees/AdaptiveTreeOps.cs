using Eddy.Trees.Nodes;

namespace Eddy.Trees;

/// <summary>
/// The tree surgery River's <c>AdaBranchClassifier</c> and <c>AdaBranchRegressor</c> share: the switch test, leaf
/// counts with alternates, and <c>kill_tree_children</c>.
/// </summary>
internal static class AdaptiveTreeOps
{
    /// <summary>
    /// River's switch bound √(2·e(1−e)·ln(2/α)·(1/n_alt + 1/n)) on the difference of error rates (River 0.12.1's
    /// <c>f_delta</c> is the fixed 0.05 that <c>switch_significance</c> later made a parameter).
    /// </summary>
    public static double SwitchBound(double error, double alternateWidth, double width, double significance) =>
        Math.Sqrt(2.0 * error * (1.0 - error) * Math.Log(2.0 / significance) * ((1.0 / alternateWidth) + (1.0 / width)));

    /// <summary>
    /// River's <c>normalize_error</c> for regression trees: the signed error min-max scaled over mean ± 3σ of the
    /// errors seen (σ from <c>stats.Var()</c>), 0.5 for the first error or a zero σ.
    /// </summary>
    public static double NormalizeError(ref VarianceStats normalizer, double y, double prediction)
    {
        double error = y - prediction;
        normalizer.Update(error, 1.0);
        if (normalizer.N == 1)
        {
            return 0.5;
        }

        double sd = Math.Sqrt(normalizer.Variance);
        return sd > 0 ? (error + (3 * sd)) / (6 * sd) : 0.5;
    }

    /// <summary>
    /// <see cref="SwitchBound"/> as River's regression trees evaluate it: an error estimate outside [0, 1] makes
    /// the square root fail, which River catches as a zero bound.
    /// </summary>
    public static double RegressionSwitchBound(double error, double alternateWidth, double width, double significance)
    {
        double squared = 2.0 * error * (1.0 - error) * Math.Log(2.0 / significance) * ((1.0 / alternateWidth) + (1.0 / width));
        return squared < 0 ? 0.0 : Math.Sqrt(squared);
    }

    /// <summary>
    /// River's test at a branch whose detector stayed quiet, once both it and its alternate have seen more than
    /// <paramref name="windowThreshold"/> errors: the alternate takes the branch's place when its error is significantly
    /// lower (the branch's subtree is dropped), or is itself dropped when significantly higher. <paramref name="pruned"/>
    /// counts the alternate trees removed.
    /// </summary>
    public static AlternateChange ResolveAlternate(
        TreeCore tree, Branch branch, Branch? parent, int parentBranch, TreeNode alternate, ErrorMonitor alternateMonitor,
        double windowThreshold, double significance, bool regression, out int pruned)
    {
        pruned = 0;
        AdaptiveBranchState adaptive = branch.Adaptive!;
        double width = adaptive.Monitor.Width;
        double alternateWidth = alternateMonitor.Width;
        if (width <= windowThreshold || alternateWidth <= windowThreshold)
        {
            return AlternateChange.None;
        }

        double error = adaptive.Monitor.Estimation;
        double alternateError = alternateMonitor.Estimation;
        double bound = regression
            ? RegressionSwitchBound(error, alternateWidth, width, significance)
            : SwitchBound(error, alternateWidth, width, significance);
        if (bound < error - alternateError)
        {
            tree.ActiveLeaves -= LeafCount(branch);
            tree.ActiveLeaves += 1;
            pruned = KillTreeChildren(branch, tree);
            if (parent is not null)
            {
                parent.Children[parentBranch] = alternate;
                adaptive.Alternate = null;
            }
            else
            {
                // River swaps the root but keeps the branch's alternate pointer: the new root learns below.
                tree.Root = alternate;
            }

            return AlternateChange.Switched;
        }

        if (bound < alternateError - error)
        {
            adaptive.Alternate = null;
            pruned = 1;
            return AlternateChange.Pruned;
        }

        return AlternateChange.None;
    }

    /// <summary>River's <c>n_leaves</c> of a branch: its leaves and its descendants' alternates (not its own).</summary>
    public static int LeafCount(TreeNode node)
    {
        if (node is not Branch branch)
        {
            return 1;
        }

        int count = 0;
        foreach (TreeNode child in branch.Children)
        {
            count += LeafCount(child);
            if (child is Branch { Adaptive.Alternate: { } alternate })
            {
                count += LeafCount(alternate);
            }
        }

        return count;
    }

    /// <summary>
    /// River's <c>kill_tree_children</c>: drops the alternates below and uncounts the leaves. As in River the children
    /// stay attached (the caller detaches the subtree), and the pruned alternates are counted.
    /// </summary>
    public static int KillTreeChildren(Branch branch, TreeCore tree)
    {
        int pruned = 0;
        foreach (TreeNode child in branch.Children)
        {
            if (child is Branch childBranch)
            {
                if (childBranch.Adaptive is { Alternate: not null } adaptive)
                {
                    adaptive.Alternate = null;
                    pruned++;
                }

                pruned += KillTreeChildren(childBranch, tree);
            }
            else if (((Leaf)child).IsActive)
            {
                tree.ActiveLeaves--;
            }
            else
            {
                tree.InactiveLeaves--;
            }
        }

        return pruned;
    }

    /// <summary>Branches in depth-first pre-order, children in order: the order adaptive states are written in.</summary>
    public static List<Branch> Branches(TreeNode? root)
    {
        var branches = new List<Branch>();
        var stack = new Stack<TreeNode>();
        if (root is not null)
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            if (stack.Pop() is Branch branch)
            {
                branches.Add(branch);
                for (int i = branch.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(branch.Children[i]);
                }
            }
        }

        return branches;
    }
}
