using System.Globalization;
using Eddy.Base;
using Eddy.Linear;
using Eddy.Serialization;
using Eddy.Trees.Nodes;
using Eddy.Trees.SplitCriteria;
using Eddy.Trees.Splitters;

namespace Eddy.Trees;

/// <summary>
/// River: <c>tree.HoeffdingTreeRegressor</c>. Splits on variance reduction once the ratio of the second best merit
/// to the best falls below 1 − ε (Hoeffding bound); leaves predict the target mean, a linear model, or adaptively
/// whichever has the smaller faded squared error. Ikonomovska, Gama and Džeroski (2011), FIMT-DD.
/// </summary>
/// <remarks>
/// Each leaf owns a copy of <c>leafModel</c>; a split's children start from a copy of the split leaf's trained
/// model and faded errors, as in River. Model leaves need numeric features (River's linear model fails on strings),
/// so categorical values are accepted only with <c>leafPrediction: "mean"</c>.
/// </remarks>
public class HoeffdingTreeRegressor : Regressor
{
    private const byte StateVersion = 1;
    private static readonly string[] s_predictions = ["adaptive", "mean", "model"];
    private readonly int? _maxDepth;

    public HoeffdingTreeRegressor(
        int gracePeriod = 200,
        int? maxDepth = null,
        double delta = 1e-7,
        double tau = 0.05,
        string leafPrediction = "adaptive",
        Regressor? leafModel = null,
        double modelSelectorDecay = 0.95,
        IEnumerable<string>? nominalAttributes = null,
        Splitter? splitter = null,
        int minSamplesSplit = 5,
        bool binarySplit = false,
        double maxSize = 500.0,
        long memoryEstimatePeriod = 1_000_000,
        bool stopMemManagement = false,
        bool removePoorAttrs = false,
        bool meritPreprune = true)
    {
        TreeSettings.Validate(gracePeriod, maxDepth, delta, tau, maxSize, memoryEstimatePeriod);
        if (!s_predictions.Contains(leafPrediction))
        {
            throw new ArgumentOutOfRangeException(nameof(leafPrediction), leafPrediction, "Valid options: adaptive, mean, model.");
        }

        if (!(modelSelectorDecay >= 0 && modelSelectorDecay <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(modelSelectorDecay), modelSelectorDecay, "Must be in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(minSamplesSplit);
        splitter ??= new TEBSTSplitter(digits: 1);
        if (splitter.IsTargetClass)
        {
            throw new ArgumentException("The chosen splitter cannot be used in regression tasks.", nameof(splitter));
        }

        _maxDepth = maxDepth;
        LeafPredictionName = leafPrediction;
        LeafModel = leafModel ?? new LinearRegression();
        ModelSelectorDecay = modelSelectorDecay;
        MinSamplesSplit = minSamplesSplit;
        HashSet<string>? nominal = nominalAttributes is null ? null : new HashSet<string>(nominalAttributes, StringComparer.Ordinal);
        Tree = new TreeCore(new TreeSettings(
            gracePeriod, maxDepth ?? double.PositiveInfinity, delta, tau, binarySplit, maxSize, memoryEstimatePeriod,
            stopMemManagement, removePoorAttrs, meritPreprune, nominal, splitter));
    }

    public string LeafPredictionName { get; }

    /// <summary>The template each model leaf copies (never trained itself).</summary>
    public Regressor LeafModel { get; }

    public double ModelSelectorDecay { get; }

    public int MinSamplesSplit { get; }

    public override bool AcceptsCategorical => Mode == RegressionLeafMode.Mean;

    public int LeafCount => Tree.Root is null ? 0 : Tree.Leaves().Count;

    public int Height => Tree.Root is null ? 0 : Tree.Leaves().Max(l => l.Depth) + 1;

    internal TreeCore Tree { get; private set; }

    private protected RegressionLeafMode Mode => LeafPredictionName switch
    {
        "mean" => RegressionLeafMode.Mean,
        "model" => RegressionLeafMode.Model,
        _ => RegressionLeafMode.Adaptive,
    };

    public override void LearnOne(FeatureVector x, double y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateTarget(y);
        if (!double.IsFinite(w) || w < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "Must be finite and non-negative.");
        }

        // A fresh tree's first leaf is built only once the example is known to be learnable.
        bool created = Tree.Root is null;
        TreeNode node = created ? NewLeaf(null, null) : Tree.Walk(x, out _, out _);
        if (node is RegressionLeaf probe)
        {
            probe.Learn(x, y, w, ModelSelectorDecay, Tree);
            if (created)
            {
                Tree.Root = probe;
                Tree.ActiveLeaves = 1;
            }

            Tree.TrainWeightSeen += w;
            Tree.Walk(x, out Branch? parent, out int parentBranch);
            AfterLeafLearned(probe, parent, parentBranch, x.Schema);
        }
        else
        {
            ReachLeaf((Branch)node, x, y, w);
            Tree.TrainWeightSeen += w;
        }

        Tree.AfterLearn();
    }

    public override double PredictOne(FeatureVector x)
    {
        ValidateInput(x);
        Leaf? leaf = Tree.PredictionLeaf(x);
        return leaf is null ? 0.0 : ((RegressionLeaf)leaf).Predict(x);
    }

    public override Estimator CloneFresh() => new HoeffdingTreeRegressor(
        Tree.Settings.GracePeriod, _maxDepth, Tree.Settings.Delta, Tree.Settings.Tau, LeafPredictionName, (Regressor)LeafModel.CloneFresh(),
        ModelSelectorDecay, Tree.Settings.NominalAttributes, Tree.Settings.Splitter.CloneFresh(), MinSamplesSplit, Tree.Settings.BinarySplit,
        Tree.Settings.MaxSize, Tree.Settings.MemoryEstimatePeriod, Tree.Settings.StopMemManagement, Tree.Settings.RemovePoorAttrs,
        Tree.Settings.MeritPreprune);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(HoeffdingTreeRegressor), StateVersion);
        Tree.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        Tree = ReadTree(reader);
    }

    /// <summary>Reads what <see cref="WriteState"/> wrote without assigning it (derived trees read more first).</summary>
    private protected TreeCore ReadTree(StateReader reader)
    {
        reader.ReadHeader(nameof(HoeffdingTreeRegressor), StateVersion);
        var tree = new TreeCore(Tree.Settings);
        tree.ReadState(reader, ReadLeaf);
        return tree;
    }

    private protected void AssignTree(TreeCore tree) => Tree = tree;

    public override string ToString()
    {
        TreeSettings s = Tree.Settings;
        string nominal = s.NominalAttributes is null ? "None" : "[" + string.Join(", ", s.NominalAttributes.Select(n => $"'{n}'")) + "]";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"HoeffdingTreeRegressor(grace_period={s.GracePeriod}, max_depth={HoeffdingTreeClassifier.Repr(s.MaxDepth)}, "
            + $"delta={HoeffdingTreeClassifier.Repr(s.Delta)}, tau={HoeffdingTreeClassifier.Repr(s.Tau)}, leaf_prediction='{LeafPredictionName}', "
            + $"leaf_model={LeafModel}, model_selector_decay={HoeffdingTreeClassifier.Repr(ModelSelectorDecay)}, nominal_attributes={nominal}, "
            + $"splitter={s.Splitter}, min_samples_split={MinSamplesSplit}, binary_split={HoeffdingTreeClassifier.Bool(s.BinarySplit)}, "
            + $"max_size={HoeffdingTreeClassifier.Repr(s.MaxSize)}, memory_estimate_period={s.MemoryEstimatePeriod}, "
            + $"stop_mem_management={HoeffdingTreeClassifier.Bool(s.StopMemManagement)}, remove_poor_attrs={HoeffdingTreeClassifier.Bool(s.RemovePoorAttrs)}, "
            + $"merit_preprune={HoeffdingTreeClassifier.Bool(s.MeritPreprune)})");
    }

    /// <summary>
    /// River's <c>_new_leaf</c>: children of a split leaf copy its trained model (and, adaptive, its faded errors);
    /// other leaves start from a fresh copy of <see cref="LeafModel"/>.
    /// </summary>
    private protected virtual RegressionLeaf NewLeaf(VarianceStats? initialStats, TreeNode? parent)
    {
        int depth = parent is null ? 0 : parent.Depth + 1;
        RegressionLeafMode mode = Mode;
        Regressor? model = null;
        if (mode != RegressionLeafMode.Mean)
        {
            model = parent is RegressionLeaf { Model: { } parentModel } ? (Regressor)parentModel.Clone() : (Regressor)LeafModel.CloneFresh();
        }

        var leaf = new RegressionLeaf(depth, Tree.Settings.Splitter, mode, initialStats ?? default, model);
        if (mode == RegressionLeafMode.Adaptive && parent is RegressionLeaf { Mode: RegressionLeafMode.Adaptive } source)
        {
            leaf.FadedErrorMean = source.FadedErrorMean;
            leaf.FadedErrorModel = source.FadedErrorModel;
        }

        return leaf;
    }

    /// <summary>River's <c>_attempt_to_split</c> for regression (merit ratio test, then E-BST pruning on failure).</summary>
    private protected virtual void AttemptToSplit(RegressionLeaf leaf, Branch? parent, int parentBranch, FeatureSchema schema)
    {
        var criterion = new VarianceReductionSplitCriterion(MinSamplesSplit);
        var suggestions = new List<SplitSuggestion>(leaf.SplitterCount + 1);
        if (Tree.Settings.MeritPreprune)
        {
            suggestions.Add(SplitSuggestion.Null());
        }

        for (int i = 0; i < leaf.SplitterCount; i++)
        {
            suggestions.Add(leaf.SplitterAt(i).BestSplit(criterion, leaf.Stats, leaf.FeatureAt(i), Tree.Settings.BinarySplit, schema));
        }

        SplitSuggestion.SortByMerit(suggestions);
        bool shouldSplit = false;
        double bound = 0.0;
        if (suggestions.Count < 2)
        {
            shouldSplit = suggestions.Count > 0;
        }
        else
        {
            bound = TreeCore.HoeffdingBound(1.0, Tree.Settings.Delta, leaf.TotalWeight);
            SplitSuggestion best = suggestions[^1];
            SplitSuggestion second = suggestions[^2];
            shouldSplit = best.Merit > 0.0 && (second.Merit / best.Merit < 1 - bound || bound < Tree.Settings.Tau);
            if (Tree.Settings.RemovePoorAttrs)
            {
                double bestRatio = second.Merit / best.Merit;
                foreach (SplitSuggestion suggestion in suggestions.ToArray())
                {
                    if (!suggestion.IsNull && suggestion.Merit / best.Merit < bestRatio - (2 * bound))
                    {
                        leaf.DisableAttribute(suggestion.Feature);
                    }
                }
            }
        }

        if (shouldSplit)
        {
            SplitSuggestion decision = suggestions[^1];
            if (decision.IsNull)
            {
                leaf.Deactivate();
                Tree.InactiveLeaves++;
                Tree.ActiveLeaves--;
            }
            else
            {
                var children = new List<TreeNode>(decision.BranchCount);
                foreach (VarianceStats stats in decision.TargetStats)
                {
                    children.Add(NewLeaf(stats, leaf));
                }

                Branch branch = NewBranch(decision, leaf, children);
                Tree.ActiveLeaves += children.Count - 1;
                Tree.Replace(parent, parentBranch, branch);
            }

            Tree.EnforceSizeLimit();
        }
        else if (suggestions.Count >= 2 && suggestions[^1].Merit > 0 && suggestions[^2].Merit > 0)
        {
            leaf.ManageMemory(criterion, suggestions[^2].Merit / suggestions[^1].Merit, suggestions[^1].Merit, bound);
        }
    }

    /// <summary>River's <c>_branch_selector</c> and <c>assemble</c>: the branch replacing a split leaf.</summary>
    private protected virtual Branch NewBranch(SplitSuggestion decision, RegressionLeaf leaf, List<TreeNode> children) =>
        TreeCore.Assemble(decision, leaf.Depth, children, null, leaf.Stats);

    private void AfterLeafLearned(RegressionLeaf leaf, Branch? parent, int parentBranch, FeatureSchema schema)
    {
        if (!Tree.GrowthAllowed || !leaf.IsActive)
        {
            return;
        }

        if (leaf.Depth >= Tree.Settings.MaxDepth)
        {
            leaf.Deactivate();
            Tree.ActiveLeaves--;
            Tree.InactiveLeaves++;
            return;
        }

        double weightSeen = leaf.TotalWeight;
        if (weightSeen - leaf.LastSplitAttemptAt >= Tree.Settings.GracePeriod)
        {
            AttemptToSplit(leaf, parent, parentBranch, schema);
            leaf.LastSplitAttemptAt = weightSeen;
        }
    }

    /// <summary>River's fallback when the path stops at a branch (new category or missing feature); learns there.</summary>
    private void ReachLeaf(Branch branch, FeatureVector x, double y, double w)
    {
        TreeNode node = branch;
        while (node is Branch current)
        {
            int position = x.PositionOf(current.Feature);
            if (current.GrowsBranches && position >= 0)
            {
                RegressionLeaf leaf = NewLeaf(null, current);
                leaf.Learn(x, y, w, ModelSelectorDecay, Tree);
                current.AddChild(FeatureValue.At(x, position), leaf);
                Tree.ActiveLeaves++;
                return;
            }

            node = TreeCore.Descend(current.Children[current.MostCommonPath()], x);
        }

        ((RegressionLeaf)node).Learn(x, y, w, ModelSelectorDecay, Tree);
    }

    private protected virtual Leaf ReadLeaf(StateReader reader, byte tag)
    {
        StateReader.Require(tag == RegressionLeaf.TagValue, $"Unexpected node tag {tag} in a regression tree.");
        return RegressionLeaf.Read(reader, Tree.Settings.Splitter, LeafModel);
    }
}
