using System.Globalization;
using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.Nodes;
using Eddy.Trees.SplitCriteria;
using Eddy.Trees.Splitters;

namespace Eddy.Trees;

/// <summary>
/// River: <c>tree.ExtremelyFastDecisionTreeClassifier</c>, the Extremely Fast Decision Tree or Hoeffding Anytime Tree.
/// A leaf splits as soon as its best split beats not splitting by the Hoeffding bound; every branch keeps learning
/// and, every <c>min_samples_reevaluate</c> weight, re-evaluates its split: it is killed (back to a leaf), replaced by
/// a split on a better feature, or its test is updated. Manapragada, Webb and Salehi (2018).
/// </summary>
/// <remarks>
/// Where River 0.12.1 would crash (the re-evaluated branch's feature has no split candidate, or the best candidate is
/// no split at all) this tree keeps the branch, as River's later fix does. A multiway test is only re-assembled
/// over its children when the number of categories is unchanged. <c>remove_poor_attrs</c> and
/// <c>merit_preprune</c> are kept for the repr but, as in River, EFDT's split attempts do not use them.
/// </remarks>
public sealed class ExtremelyFastDecisionTreeClassifier : HoeffdingTreeClassifier
{
    private const byte StateVersion = 1;

    public ExtremelyFastDecisionTreeClassifier(
        int gracePeriod = 200,
        int? maxDepth = null,
        int minSamplesReevaluate = 20,
        string splitCriterion = "info_gain",
        double delta = 1e-7,
        double tau = 0.05,
        string leafPrediction = "nba",
        double nbThreshold = 0,
        IEnumerable<string>? nominalAttributes = null,
        Splitter? splitter = null,
        bool binarySplit = false,
        double maxSize = 100.0,
        long memoryEstimatePeriod = 1_000_000,
        bool stopMemManagement = false,
        bool removePoorAttrs = false,
        bool meritPreprune = true)
        : base(gracePeriod, maxDepth, splitCriterion, delta, tau, leafPrediction, nbThreshold, nominalAttributes, splitter, binarySplit,
            maxSize, memoryEstimatePeriod, stopMemManagement, removePoorAttrs, meritPreprune)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minSamplesReevaluate, 1);
        MinSamplesReevaluate = minSamplesReevaluate;
    }

    public int MinSamplesReevaluate { get; }

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateLabel(y);
        if (!double.IsFinite(w) || w < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "Must be finite and non-negative.");
        }

        if (Tree.Root is not null && !CanLearn(x, Classes.TryGetIndex(y, out int known) ? known : -1, w))
        {
            throw new NonFiniteUpdateException(nameof(ExtremelyFastDecisionTreeClassifier), "a node's Gaussian statistics");
        }

        int classIndex = InternClass(y);
        Tree.TrainWeightSeen += w;
        if (Tree.Root is null)
        {
            Tree.Root = NewLeaf(null, null);
            Tree.ActiveLeaves = 1;
        }

        // River's _sort_to_leaf: the leaf learns first, then the path's branches are processed from the root.
        TreeNode reached = Tree.Walk(x, out _, out _);
        ClassificationLeaf leaf = reached as ClassificationLeaf ?? ReachLeaf((Branch)reached, x);
        leaf.Learn(x, classIndex, w, Tree);
        Tree.AfterLearn();
        ProcessNodes(x, classIndex, w);
    }

    public override Estimator CloneFresh()
    {
        TreeSettings s = Tree.Settings;
        return new ExtremelyFastDecisionTreeClassifier(
            s.GracePeriod, MaxDepthOrNull(s.MaxDepth), MinSamplesReevaluate, SplitCriterion, s.Delta, s.Tau, LeafPredictionName, NbThreshold,
            s.NominalAttributes, s.Splitter.CloneFresh(), s.BinarySplit, s.MaxSize, s.MemoryEstimatePeriod, s.StopMemManagement,
            s.RemovePoorAttrs, s.MeritPreprune);
    }

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(ExtremelyFastDecisionTreeClassifier), StateVersion);
        base.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(ExtremelyFastDecisionTreeClassifier), StateVersion);
        base.ReadState(reader);
    }

    public override string ToString()
    {
        TreeSettings s = Tree.Settings;
        string nominal = s.NominalAttributes is null ? "None" : "[" + string.Join(", ", s.NominalAttributes.Select(n => $"'{n}'")) + "]";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"ExtremelyFastDecisionTreeClassifier(grace_period={s.GracePeriod}, max_depth={Repr(s.MaxDepth)}, "
            + $"min_samples_reevaluate={MinSamplesReevaluate}, split_criterion='{SplitCriterion}', delta={Repr(s.Delta)}, tau={Repr(s.Tau)}, "
            + $"leaf_prediction='{LeafPredictionName}', nb_threshold={Repr(NbThreshold)}, nominal_attributes={nominal}, "
            + $"splitter={s.Splitter}, binary_split={Bool(s.BinarySplit)}, max_size={Repr(s.MaxSize)}, "
            + $"memory_estimate_period={s.MemoryEstimatePeriod}, stop_mem_management={Bool(s.StopMemManagement)}, "
            + $"remove_poor_attrs={Bool(s.RemovePoorAttrs)}, merit_preprune={Bool(s.MeritPreprune)})");
    }

    /// <summary>River's <c>_attempt_to_split</c> for EFDT: the best split against not splitting (merit 0).</summary>
    private protected override void AttemptToSplit(ClassificationLeaf leaf, Branch? parent, int parentBranch, FeatureSchema schema)
    {
        if (leaf.IsPure())
        {
            return;
        }

        ClassSplitCriterion criterion = NewSplitCriterion();
        List<SplitSuggestion> suggestions = Suggestions(leaf.ObservedFeatures, leaf.Observers, leaf.Stats, criterion, schema);
        if (suggestions.Count == 0)
        {
            return;
        }

        SplitSuggestion.SortByMerit(suggestions);
        SplitSuggestion best = suggestions[^1];
        double bound = TreeCore.HoeffdingBound(criterion.RangeOfMerit(leaf.Stats), Tree.Settings.Delta, leaf.TotalWeight);
        if (best.IsNull || !(best.Merit - 0.0 > bound || bound < Tree.Settings.Tau))
        {
            return;
        }

        var state = new EfdtBranchState(leaf.ObservedFeatures, leaf.Observers, leaf.TotalWeight);
        Branch branch = Assemble(best, leaf.Depth, NewChildren(best, leaf), leaf.Stats, state);
        Tree.ActiveLeaves += branch.Children.Count - 1;
        Tree.Replace(parent, parentBranch, branch);
        Tree.EnforceSizeLimit();
    }

    private protected override void WriteExtraState(StateWriter writer)
    {
        if (Tree.Root is not null)
        {
            EfdtBranchState.WriteTree(writer, Tree.Root);
        }
    }

    private protected override void ReadExtraState(StateReader reader, TreeCore tree, int classCount)
    {
        if (tree.Root is not null)
        {
            tree.Root = EfdtBranchState.ReadTree(reader, tree.Root, tree.Settings.Splitter, classCount);
        }
    }

    /// <summary>River's <c>_process_nodes</c>: each branch on the path learns and may re-evaluate; the leaf may split.</summary>
    private void ProcessNodes(FeatureVector x, int classIndex, double w)
    {
        TreeNode node = Tree.Root!;
        Branch? parent = null;
        int parentBranch = -1;
        while (node is Branch branch)
        {
            EfdtBranchState efdt = ((IEfdtBranch)branch).Efdt;
            branch.ClassStats!.Add(classIndex, w);
            efdt.Learn(x, classIndex, w, Tree);
            if (branch.TotalWeight - efdt.LastReevaluationAt >= MinSamplesReevaluate && Reevaluate(branch, parent, parentBranch, x.Schema))
            {
                return;
            }

            // After a test update River walks on through the old branch object (now detached), as here.
            int b = branch.BranchNo(x);
            parent = branch;
            parentBranch = b < 0 ? branch.MostCommonPath() : b;
            node = branch.Children[parentBranch];
        }

        var leaf = (ClassificationLeaf)node;
        if (!Tree.GrowthAllowed || !leaf.IsActive)
        {
            return;
        }

        if (leaf.Depth >= Tree.Settings.MaxDepth)
        {
            leaf.Deactivate();
            Tree.InactiveLeaves++;
            Tree.ActiveLeaves--;
            return;
        }

        double weightSeen = leaf.TotalWeight;
        if (weightSeen - leaf.LastSplitAttemptAt >= Tree.Settings.GracePeriod)
        {
            AttemptToSplit(leaf, parent, parentBranch, x.Schema);
            leaf.LastSplitAttemptAt = weightSeen;
        }
    }

    /// <summary>River's <c>_reevaluate_best_split</c>; true stops the walk down the path.</summary>
    private bool Reevaluate(Branch branch, Branch? parent, int parentBranch, FeatureSchema schema)
    {
        ClassWeights stats = branch.ClassStats!;
        if (IsPure(stats))
        {
            return false;
        }

        EfdtBranchState efdt = ((IEfdtBranch)branch).Efdt;
        ClassSplitCriterion criterion = NewSplitCriterion();
        List<SplitSuggestion> suggestions = Suggestions(efdt.Features, efdt.Splitters, stats, criterion, schema);
        if (suggestions.Count == 0)
        {
            return false;
        }

        SplitSuggestion.SortByMerit(suggestions);
        SplitSuggestion best = suggestions[^1];
        if (best.IsNull)
        {
            return true;
        }

        SplitSuggestion? current = suggestions.Find(s => s.Feature == branch.Feature);
        double bound = TreeCore.HoeffdingBound(criterion.RangeOfMerit(stats), Tree.Settings.Delta, branch.TotalWeight);
        if (0.0 - best.Merit > bound)
        {
            ClassificationLeaf leaf = NewLeaf(stats, parent);
            leaf.LastSplitAttemptAt = 0.0;
            leaf.AdoptObservers(efdt.Features, efdt.Splitters);
            RemoveLeaves(branch);
            Tree.ActiveLeaves++;
            Tree.Replace(parent, parentBranch, leaf);
            Tree.EnforceSizeLimit();
            return true;
        }

        if (current is null || !(best.Merit - current.Merit > bound || bound < Tree.Settings.Tau))
        {
            return false;
        }

        var state = new EfdtBranchState(efdt.Features, efdt.Splitters, branch.TotalWeight);
        if (best.Feature != branch.Feature)
        {
            Branch replacement = Assemble(best, branch.Depth, NewChildren(best, branch), stats, state);
            RemoveLeaves(branch);
            Tree.ActiveLeaves += replacement.Children.Count;
            Tree.Replace(parent, parentBranch, replacement);
            Tree.EnforceSizeLimit();
            return true;
        }

        // Same feature, new test: the children are kept (River copies the list into the new branch).
        if (!best.Multiway || best.Values.Length == branch.Children.Count)
        {
            Tree.Replace(parent, parentBranch, Assemble(best, branch.Depth, [.. branch.Children], stats, state));
        }

        return false;
    }

    private List<SplitSuggestion> Suggestions(
        List<int> features, List<Splitter> splitters, ClassWeights stats, ClassSplitCriterion criterion, FeatureSchema schema)
    {
        var suggestions = new List<SplitSuggestion>(splitters.Count);
        for (int i = 0; i < splitters.Count; i++)
        {
            suggestions.Add(splitters[i].BestSplit(criterion, stats, features[i], Tree.Settings.BinarySplit, schema));
        }

        return suggestions;
    }

    private List<TreeNode> NewChildren(SplitSuggestion split, TreeNode parent)
    {
        var children = new List<TreeNode>(split.BranchCount);
        foreach (ClassWeights stats in split.ClassStats)
        {
            children.Add(NewLeaf(stats, parent));
        }

        return children;
    }

    /// <summary>Takes a discarded subtree's leaves off the counters.</summary>
    private void RemoveLeaves(Branch subtree)
    {
        var stack = new Stack<TreeNode>();
        stack.Push(subtree);
        while (stack.Count > 0)
        {
            TreeNode node = stack.Pop();
            if (node is Leaf leaf)
            {
                if (leaf.IsActive)
                {
                    Tree.ActiveLeaves--;
                }
                else
                {
                    Tree.InactiveLeaves--;
                }

                continue;
            }

            foreach (TreeNode child in ((Branch)node).Children)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>Every Gaussian the example would update, on the path River's learning takes, stays finite.</summary>
    private bool CanLearn(FeatureVector x, int classIndex, double w)
    {
        TreeNode node = Tree.Root!;
        while (node is Branch branch)
        {
            if (!((IEfdtBranch)branch).Efdt.CanLearn(x, classIndex, w))
            {
                return false;
            }

            int b = branch.BranchNo(x);
            if (b < 0 && branch.GrowsBranches && x.PositionOf(branch.Feature) >= 0)
            {
                return true;
            }

            node = branch.Children[b < 0 ? branch.MostCommonPath() : b];
        }

        return ((ClassificationLeaf)node).CanLearn(x, classIndex, w);
    }

    private static Branch Assemble(SplitSuggestion split, int depth, List<TreeNode> children, ClassWeights stats, EfdtBranchState state)
    {
        if (split.Numeric)
        {
            return new EfdtNumericBinaryBranch(depth, split.Feature, split.Threshold, children, stats, state);
        }

        return split.Multiway
            ? new EfdtNominalMultiwayBranch(depth, split.Feature, [.. split.Values], children, stats, state)
            : new EfdtNominalBinaryBranch(depth, split.Feature, split.Value, children, stats, state);
    }

    private static bool IsPure(ClassWeights stats)
    {
        int count = 0;
        for (int i = 0; i < stats.Count && count < 2; i++)
        {
            count += stats.WeightAt(i) != 0 ? 1 : 0;
        }

        return count < 2;
    }

    private static int? MaxDepthOrNull(double maxDepth) => double.IsPositiveInfinity(maxDepth) ? null : (int)maxDepth;
}
